using Microsoft.Extensions.Options;
using Realtime.Grains.Seed;

namespace Realtime.Silo;

/// <summary>Seeds reference and demo data once the silo is up; start-up waits for it so "ready" means seeded.</summary>
public sealed class SeedService(DemoSeeder seeder, IOptions<SeedSettings> settings, ILogger<SeedService> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.Value.Districts)
            return;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await seeder.SeedAsync(settings.Value.DemoProgrammes, cancellationToken);
                return;
            }
            catch (Exception ex) when (attempt < 10 && !cancellationToken.IsCancellationRequested)
            {
                SiloLog.SeedRetry(logger, attempt, ex);
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

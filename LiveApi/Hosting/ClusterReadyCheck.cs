using Microsoft.Extensions.Diagnostics.HealthChecks;
using Realtime.Contracts.Districts;
using Realtime.LiveApi.Push;

namespace Realtime.LiveApi.Hosting;

/// <summary>Ready when the cluster answers a grain call and this host is registered for live events.</summary>
public sealed class ClusterReadyCheck(IGrainFactory grains, HostRegistrationService registration) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await grains.GetGrain<ICityGrain>(ICityGrain.Shenyang).ListDistricts()
                .WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("The Orleans cluster does not answer.", ex);
        }
        return registration.IsRegistered
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Not yet registered for live events.");
    }
}

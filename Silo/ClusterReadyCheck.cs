using Microsoft.Extensions.Diagnostics.HealthChecks;
using Realtime.Contracts.Districts;

namespace Realtime.Silo;

/// <summary>Ready when a grain call through this silo answers within a few seconds.</summary>
public sealed class ClusterReadyCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var districts = await grains.GetGrain<ICityGrain>(ICityGrain.Shenyang).ListDistricts()
                .WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy($"{districts.Length} districts");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("The cluster does not answer.", ex);
        }
    }
}

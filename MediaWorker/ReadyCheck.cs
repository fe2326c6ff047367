using Microsoft.Extensions.Diagnostics.HealthChecks;
using Realtime.MediaWorker.Tools;

namespace Realtime.MediaWorker;

public sealed class ReadyCheck(ToolCheckService tools) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(tools.Ready ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("ffmpeg / ffprobe not verified"));
}

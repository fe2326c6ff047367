namespace Realtime.LiveApi.Hosting;

/// <summary>Keeps trying to reach the cluster at start-up, so LiveApi may start before the silos.</summary>
public sealed class ClusterConnectionRetry(ILogger<ClusterConnectionRetry> logger) : IClientConnectionRetryFilter
{
    private int _attempt;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        _attempt++;
        LiveApiLog.WaitingForCluster(logger, _attempt, exception.Message);
        await Task.Delay(TimeSpan.FromSeconds(Math.Min(_attempt, 5)), cancellationToken);
        return true;
    }
}

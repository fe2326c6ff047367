using Realtime.Contracts.Questions;

namespace Realtime.LiveApi.Push;

/// <summary>Every two seconds tells each desk grain how many viewers this host has on it (the grain sums the hosts).</summary>
public sealed class ViewerReporter(ViewerCounter counter, HostIdentity host, IGrainFactory grains, ILogger<ViewerReporter> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            foreach (var (programmeId, viewers) in counter.Counts())
            {
                try
                {
                    await grains.GetGrain<IQuestionDeskGrain>(programmeId).ReportViewers(host.Id, viewers);
                    if (viewers == 0)
                        counter.Forget(programmeId);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LiveApiLog.ViewerReportFailed(logger, programmeId, ex);
                }
            }
        }
    }
}

/// <summary>This LiveApi process's identity towards the cluster.</summary>
public sealed class HostIdentity
{
    public string Id { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
}

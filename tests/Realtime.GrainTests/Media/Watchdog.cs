using Realtime.Contracts.Media;
using Realtime.GrainTests.Cluster;
using Realtime.Grains.Media;

namespace Realtime.GrainTests.Media;

/// <summary>
/// Waits for the queue's watchdog, whose grain timer the fake clock has made due, to run on the silo. The wait is for
/// the silo to get to the work, never for lease time: the test advanced the clock before.
/// </summary>
public static class Watchdog
{
    public static Task<MediaJob> Requeued(MediaCluster cluster, MediaJobs jobs, string jobId) =>
        Until(cluster, jobs, jobId, j => j.State == MediaJobState.Queued, "the job back in the queue");

    public static Task<MediaJob> Failed(MediaCluster cluster, MediaJobs jobs, string jobId) =>
        Until(cluster, jobs, jobId, j => j.State == MediaJobState.Failed, "the job failed");

    private static async Task<MediaJob> Until(MediaCluster cluster, MediaJobs jobs, string jobId, Func<MediaJob, bool> done, string what)
    {
        var job = await jobs.Get(jobId);
        for (var poll = 1; poll <= 80 && !done(job); poll++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
            // The timer is re-armed only after a tick ends: an advance made while a tick still ran fired nothing, so
            // once a second the clock moves one watch interval on to make the next tick due.
            if (poll % 4 == 0)
                cluster.Clock.Advance(MediaQueueGrain.WatchInterval);
            job = await jobs.Get(jobId);
        }
        return done(job) ? job : throw new TimeoutException($"Never saw {what}; last seen: {job}");
    }
}

using Realtime.Contracts.Media;
using Realtime.GrainTests.Cluster;
using Realtime.Testing;

namespace Realtime.GrainTests.Media;

/// <summary>
/// Waits for the queue's watchdog, whose grain timer the fake clock has made due, to run on the silo. The wait is for
/// the silo to get to the work, not for any lease time: the clock was advanced before.
/// </summary>
public static class Watchdog
{
    public static Task<MediaJob> Requeued(MediaCluster cluster, MediaJobs jobs, string jobId) =>
        Until(cluster, jobs, jobId, j => j.State == MediaJobState.Queued, "job back in the queue");

    public static Task<MediaJob> Failed(MediaCluster cluster, MediaJobs jobs, string jobId) =>
        Until(cluster, jobs, jobId, j => j.State == MediaJobState.Failed, "job failed");

    private static Task<MediaJob> Until(MediaCluster cluster, MediaJobs jobs, string jobId, Func<MediaJob, bool> done, string what) =>
        Eventually.Until(async () =>
        {
            // A timer tick due at this fake time fires on Advance; a nudge of zero re-checks without moving the clock.
            cluster.Clock.Advance(TimeSpan.Zero);
            return await jobs.Get(jobId);
        }, done, what, TimeSpan.FromSeconds(20));
}

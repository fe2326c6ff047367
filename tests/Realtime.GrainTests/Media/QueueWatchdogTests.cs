using Realtime.Contracts.Media;
using Realtime.GrainTests.Cluster;

namespace Realtime.GrainTests.Media;

/// <summary>
/// The queue's watchdog (a grain timer of MediaQueueGrain, driven by the fake clock) takes back only what it should.
/// Where a test needs to know the watchdog has looked, a silent witness job leased first shows it: the watchdog checks
/// the leases in the order they were given, so once the witness is requeued the jobs after it were checked as well.
/// </summary>
[Collection(MediaClusterCollection.Name)]
public sealed class QueueWatchdogTests(MediaCluster cluster) : IAsyncLifetime
{
    private readonly MediaJobs _jobs = new(cluster);

    public Task InitializeAsync() => cluster.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task WatchdogTicks_BeforeALeaseRunsOut_JobStaysWithItsWorker()
    {
        var witnessId = await _jobs.Upload();
        var jobId = await _jobs.Upload();
        await _jobs.LeaseNext("silent-worker");
        cluster.Clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(jobId, (await _jobs.LeaseNext("worker-a"))?.JobId);

        cluster.Clock.Advance(TimeSpan.FromSeconds(20)); // the witness's lease is over, worker-a's has 10 s left
        await Watchdog.Requeued(cluster, _jobs, witnessId);

        var job = await _jobs.Get(jobId);
        Assert.Equal(MediaJobState.Leased, job.State);
        Assert.Equal("worker-a", job.WorkerId);
        Assert.Equal(JobControl.Continue, await _jobs.Heartbeat(jobId, "worker-a", 5));
    }

    [Fact]
    public async Task JobCancelledWhileLeased_LeaseRunsOut_WatchdogDoesNotBringItBack()
    {
        var jobId = await _jobs.Upload();
        var witnessId = await _jobs.Upload();
        await _jobs.LeaseNext("worker-a");
        await _jobs.LeaseNext("silent-worker");

        var cancelled = await _jobs.Job(jobId).Cancel();
        cluster.Clock.Advance(MediaJobs.PastLease);
        await Watchdog.Requeued(cluster, _jobs, witnessId);

        Assert.Equal(MediaJobState.Cancelled, cancelled.Value?.State);
        Assert.Equal(MediaJobState.Cancelled, (await _jobs.Get(jobId)).State);
        Assert.Equal(JobControl.Stop, await _jobs.Heartbeat(jobId, "worker-a", 20));
        Assert.Equal(witnessId, (await _jobs.LeaseNext("worker-b"))?.JobId);
        Assert.Null(await _jobs.LeaseNext("worker-c"));
    }

    [Fact]
    public async Task SeveralWorkersGoSilent_LeasesRunOut_EveryJobIsRequeuedInTheOrderItWasLeased()
    {
        var jobIds = new List<string>();
        for (var i = 0; i < 3; i++)
            jobIds.Add(await _jobs.Upload());
        foreach (var (jobId, worker) in jobIds.Zip(["worker-a", "worker-b", "worker-c"]))
            Assert.Equal(jobId, (await _jobs.LeaseNext(worker))?.JobId);

        cluster.Clock.Advance(MediaJobs.PastLease);
        await Watchdog.Requeued(cluster, _jobs, jobIds[^1]);

        for (var i = 0; i < jobIds.Count; i++)
            Assert.Equal(i + 1, await cluster.Queue.PositionOf(jobIds[i]));
        foreach (var jobId in jobIds)
            Assert.Equal(jobId, (await _jobs.LeaseNext("worker-d"))?.JobId);
    }
}

using Realtime.Contracts.Media;
using Realtime.GrainTests.Cluster;

namespace Realtime.GrainTests.Media;

/// <summary>
/// A worker that keeps reporting keeps its job. A second, silent job is the witness that the watchdog has looked at
/// the leases after the clock passed the first lease's end: when it is requeued, the renewed job was checked too.
/// </summary>
[Collection(MediaClusterCollection.Name)]
public sealed class LeaseRenewalTests(MediaCluster cluster) : IAsyncLifetime
{
    private readonly MediaJobs _jobs = new(cluster);

    public Task InitializeAsync() => cluster.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Heartbeat_BeforeLeaseRunsOut_WorkerKeepsTheJobPastItsFirstLease()
    {
        var jobId = await _jobs.Upload();
        var witnessId = await _jobs.Upload();
        Assert.Equal(jobId, (await _jobs.LeaseNext("worker-a"))?.JobId);
        Assert.Equal(witnessId, (await _jobs.LeaseNext("silent-worker"))?.JobId);

        cluster.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(JobControl.Continue, await _jobs.Heartbeat(jobId, "worker-a", 40));
        cluster.Clock.Advance(TimeSpan.FromSeconds(15)); // 35 s after the lease, 15 s after the renewal
        await Watchdog.Requeued(cluster, _jobs, witnessId);

        var job = await _jobs.Get(jobId);
        Assert.Equal(MediaJobState.Running, job.State);
        Assert.Equal("worker-a", job.WorkerId);
        Assert.Equal(1, job.Attempts);
        Assert.Equal(40, job.Progress?.Percent);
        Assert.Equal(JobControl.Continue, await _jobs.Heartbeat(jobId, "worker-a", 60));
        Assert.Equal(witnessId, (await _jobs.LeaseNext("worker-b"))?.JobId);
        Assert.Null(await _jobs.LeaseNext("worker-c"));
    }

    [Fact]
    public async Task Heartbeats_StopAfterRenewal_JobIsRequeuedWhenTheRenewedLeaseRunsOut()
    {
        var jobId = await _jobs.Upload();
        await _jobs.LeaseNext("worker-a");
        cluster.Clock.Advance(TimeSpan.FromSeconds(20));
        await _jobs.Heartbeat(jobId, "worker-a", 10);

        cluster.Clock.Advance(MediaJobs.PastLease);
        var requeued = await Watchdog.Requeued(cluster, _jobs, jobId);

        Assert.Equal("lease_expired", requeued.FailureCode);
        Assert.Equal(jobId, (await _jobs.LeaseNext("worker-b"))?.JobId);
    }
}

using Realtime.Contracts.Media;
using Realtime.GrainTests.Cluster;

namespace Realtime.GrainTests.Media;

/// <summary>A worker that goes silent loses its job to the next worker; after the last attempt the job fails.</summary>
[Collection(MediaClusterCollection.Name)]
public sealed class LeaseExpiryTests(MediaCluster cluster) : IAsyncLifetime
{
    private readonly MediaJobs _jobs = new(cluster);

    public Task InitializeAsync() => cluster.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task LeaseExpires_WithoutRenewal_JobIsLeasedAgainByAnotherWorker()
    {
        var jobId = await _jobs.Upload();
        var first = await _jobs.LeaseNext("worker-a");
        Assert.Equal(jobId, first?.JobId);

        cluster.Clock.Advance(MediaJobs.PastLease);
        var requeued = await Watchdog.Requeued(cluster, _jobs, jobId);

        Assert.Null(requeued.WorkerId);
        Assert.Equal("lease_expired", requeued.FailureCode);
        Assert.Contains("worker-a", requeued.FailureMessage);
        Assert.Equal(1, await cluster.Queue.PositionOf(jobId));
        var second = await _jobs.LeaseNext("worker-b");
        Assert.Equal(jobId, second?.JobId);
        Assert.Equal("worker-b", second!.WorkerId);
        Assert.Equal(2, second.Attempts);
    }

    [Fact]
    public async Task LeaseExpires_SilentWorkerReportsLate_IsToldToStopAndCannotComplete()
    {
        var jobId = await _jobs.Upload();
        await _jobs.LeaseNext("worker-a");
        cluster.Clock.Advance(MediaJobs.PastLease);
        await Watchdog.Requeued(cluster, _jobs, jobId);
        await _jobs.LeaseNext("worker-b");

        Assert.Equal(JobControl.Stop, await _jobs.Heartbeat(jobId, "worker-a", 50));
        var late = await _jobs.Fail(jobId, "worker-a", "network", retryable: true);
        Assert.False(late.IsOk);
        var job = await _jobs.Get(jobId);
        Assert.Equal(MediaJobState.Leased, job.State);
        Assert.Equal("worker-b", job.WorkerId);
    }

    [Fact]
    public async Task LeaseExpires_OnTheLastAttempt_JobFailsAndIsNoLongerOffered()
    {
        var jobId = await _jobs.Upload(maxAttempts: 2);
        foreach (var worker in new[] { "worker-a", "worker-b" })
        {
            Assert.Equal(jobId, (await _jobs.LeaseNext(worker))?.JobId);
            cluster.Clock.Advance(MediaJobs.PastLease);
            if (worker == "worker-a")
                await Watchdog.Requeued(cluster, _jobs, jobId);
        }

        var failed = await Watchdog.Failed(cluster, _jobs, jobId);

        Assert.Equal(2, failed.Attempts);
        Assert.Equal("lease_expired", failed.FailureCode);
        Assert.NotNull(failed.FinishedAt);
        Assert.Null(await cluster.Queue.PositionOf(jobId));
        Assert.Null(await _jobs.LeaseNext("worker-c"));
    }
}

using Realtime.Contracts.Media;
using Realtime.GrainTests.Cluster;

namespace Realtime.GrainTests.Media;

/// <summary>A worker that goes silent loses its job to the next worker, without anybody waiting for real time.</summary>
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

        Assert.Equal(MediaJobState.Queued, requeued.State);
        Assert.Null(requeued.WorkerId);
        Assert.Equal("lease_expired", requeued.FailureCode);
        var second = await _jobs.LeaseNext("worker-b");
        Assert.Equal(jobId, second?.JobId);
        Assert.Equal("worker-b", second!.WorkerId);
        Assert.Equal(2, second.Attempts);
    }
}

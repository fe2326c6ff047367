using Realtime.Contracts.Media;
using Realtime.GrainTests.Cluster;
using Realtime.GrainTests.Media;

namespace Realtime.GrainTests.GroupCommit;

/// <summary>
/// A job's own write fails while a worker leases it (state "job" of <see cref="FailingGrainStorage"/>): the worker gets
/// the error, and the job is neither shown as leased nor lost — the next worker gets it once the store is back.
/// </summary>
[Collection(MediaClusterCollection.Name)]
public sealed class JobStoreFailureTests(MediaCluster cluster) : IAsyncLifetime
{
    private const string JobState = "job";
    private readonly MediaJobs _jobs = new(cluster);

    public Task InitializeAsync() => cluster.ResetAsync();

    public Task DisposeAsync()
    {
        cluster.Storage.Recover();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task JobStoreFails_WhileAWorkerLeases_JobIsNotShownLeasedAndTheNextWorkerGetsIt()
    {
        var jobId = await _jobs.Upload();
        cluster.Storage.FailWritesOf(JobState);

        await Assert.ThrowsAnyAsync<Exception>(() => _jobs.LeaseNext("worker-a"));

        cluster.Storage.Recover();
        var shown = await _jobs.Get(jobId);
        Assert.Equal(MediaJobState.Queued, shown.State);
        Assert.Null(shown.WorkerId);
        Assert.Equal(1, await cluster.Queue.PositionOf(jobId));
        var leased = await _jobs.LeaseNext("worker-b");
        Assert.Equal(jobId, leased?.JobId);
        Assert.Equal(1, leased!.Attempts);
    }
}

using Realtime.Contracts.Media;
using Realtime.GrainTests.Cluster;
using Realtime.GrainTests.Media;

namespace Realtime.GrainTests.GroupCommit;

/// <summary>
/// The media queue persists through one GroupCommit: every caller waits for a write. When the store fails, the callers
/// get the failure, nothing they were told about is offered that was not stored, and once the store is back the next
/// write goes through. The fault comes from <see cref="FailingGrainStorage"/> (state "queue").
/// </summary>
[Collection(MediaClusterCollection.Name)]
public sealed class QueueStoreFailureTests(MediaCluster cluster) : IAsyncLifetime
{
    private const string QueueState = "queue";
    private readonly MediaJobs _jobs = new(cluster);

    public Task InitializeAsync() => cluster.ResetAsync();

    public Task DisposeAsync()
    {
        cluster.Storage.Recover();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task StoreFails_WhenAnUploadIsQueued_UploaderGetsTheErrorAndNoWorkerIsOfferedTheJob()
    {
        cluster.Storage.FailWritesOf(QueueState);

        await Assert.ThrowsAnyAsync<Exception>(() => _jobs.Upload());

        Assert.Equal(1, cluster.Storage.FailedWrites(QueueState));
        cluster.Storage.Recover();
        Assert.Empty((await cluster.Queue.List()).Where(j => !j.IsFinished));
        Assert.Null(await _jobs.LeaseNext("worker-a"));
    }

    [Fact]
    public async Task StoreFails_DuringManyConcurrentUploads_EveryUploaderGetsTheErrorAndNoneIsListed()
    {
        cluster.Storage.FailWritesOf(QueueState);

        var uploads = Enumerable.Range(0, 20).Select(_ => _jobs.Upload()).ToList();
        foreach (var upload in uploads)
            await Assert.ThrowsAnyAsync<Exception>(() => upload);

        Assert.InRange(cluster.Storage.FailedWrites(QueueState), 1, uploads.Count);
        cluster.Storage.Recover();
        Assert.Empty((await cluster.Queue.List()).Where(j => !j.IsFinished));
        Assert.Null(await _jobs.LeaseNext("worker-a"));
    }

    [Fact]
    public async Task StoreFails_AfterAJobWasQueued_TheStoredJobIsStillOfferedAndTheFailedOneIsNot()
    {
        var storedId = await _jobs.Upload();
        cluster.Storage.FailWritesOf(QueueState);
        await Assert.ThrowsAnyAsync<Exception>(() => _jobs.Upload());
        cluster.Storage.Recover();

        var listed = await cluster.Queue.List();

        Assert.Equal([storedId], listed.Where(j => !j.IsFinished).Select(j => j.JobId));
        Assert.Equal(1, await cluster.Queue.PositionOf(storedId));
        Assert.Equal(storedId, (await _jobs.LeaseNext("worker-a"))?.JobId);
        Assert.Null(await _jobs.LeaseNext("worker-b"));
    }

    [Fact]
    public async Task StoreRecovers_AfterAFailedWrite_NextUploadIsQueuedAndLeased()
    {
        cluster.Storage.FailWritesOf(QueueState);
        await Assert.ThrowsAnyAsync<Exception>(() => _jobs.Upload());
        cluster.Storage.Recover();

        var jobId = await _jobs.Upload();

        Assert.Equal(1, await cluster.Queue.PositionOf(jobId));
        var leased = await _jobs.LeaseNext("worker-a");
        Assert.Equal(jobId, leased?.JobId);
        Assert.Equal(MediaJobState.Leased, leased!.State);
    }
}

using Realtime.Contracts.Media;
using Realtime.GrainTests.Cluster;

namespace Realtime.GrainTests.Media;

/// <summary>What a worker's failure report does: retry while attempts remain, fail at once when retrying cannot help.</summary>
[Collection(MediaClusterCollection.Name)]
public sealed class FailureAttemptsTests(MediaCluster cluster) : IAsyncLifetime
{
    private readonly MediaJobs _jobs = new(cluster);

    public Task InitializeAsync() => cluster.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RetryableFailure_WithAttemptsLeft_JobIsQueuedAndTheNextLeaseCountsAnotherAttempt()
    {
        var jobId = await _jobs.Upload(maxAttempts: 3);
        await _jobs.LeaseNext("worker-a");

        var failed = await _jobs.Fail(jobId, "worker-a", "network", retryable: true);

        Assert.Equal(MediaJobState.Queued, failed.Value?.State);
        Assert.Equal("network", failed.Value?.FailureCode);
        Assert.Null(failed.Value?.FinishedAt);
        var again = await _jobs.LeaseNext("worker-b");
        Assert.Equal(jobId, again?.JobId);
        Assert.Equal(2, again!.Attempts);
    }

    [Fact]
    public async Task RetryableFailure_OnTheLastAttempt_JobFailsWithItsReason()
    {
        var jobId = await _jobs.Upload(maxAttempts: 2);
        await _jobs.LeaseNext("worker-a");
        await _jobs.Fail(jobId, "worker-a", "network", retryable: true);
        await _jobs.LeaseNext("worker-b");

        var failed = await _jobs.Fail(jobId, "worker-b", "storage", retryable: true);

        Assert.Equal(MediaJobState.Failed, failed.Value?.State);
        Assert.Equal(2, failed.Value?.Attempts);
        Assert.Equal("storage", failed.Value?.FailureCode);
        Assert.Null(await _jobs.LeaseNext("worker-c"));
    }

    [Fact]
    public async Task DeterministicFailure_OnTheFirstAttempt_FailsAtOnceAndIsNotRetried()
    {
        var jobId = await _jobs.Upload(maxAttempts: 3);
        await _jobs.LeaseNext("worker-a");

        var failed = await _jobs.Fail(jobId, "worker-a", "no_video_stream", retryable: false);

        Assert.Equal(MediaJobState.Failed, failed.Value?.State);
        Assert.Equal(1, failed.Value?.Attempts);
        Assert.Equal("no_video_stream", failed.Value?.FailureCode);
        Assert.NotNull(failed.Value?.FinishedAt);
        Assert.Null(await cluster.Queue.PositionOf(jobId));
        cluster.Clock.Advance(MediaJobs.PastLease);
        Assert.Null(await _jobs.LeaseNext("worker-b"));
    }

    [Fact]
    public async Task FailedJob_RequeuedByAdmin_GetsFreshAttemptsAndIsLeasedAgain()
    {
        var jobId = await _jobs.Upload(maxAttempts: 1);
        await _jobs.LeaseNext("worker-a");
        await _jobs.Fail(jobId, "worker-a", "network", retryable: true);
        Assert.Equal(MediaJobState.Failed, (await _jobs.Get(jobId)).State);

        var requeued = await _jobs.Job(jobId).Requeue();

        Assert.Equal(MediaJobState.Queued, requeued.Value?.State);
        Assert.Equal(0, requeued.Value?.Attempts);
        var leased = await _jobs.LeaseNext("worker-b");
        Assert.Equal(jobId, leased?.JobId);
        Assert.Equal(1, leased!.Attempts);
    }
}

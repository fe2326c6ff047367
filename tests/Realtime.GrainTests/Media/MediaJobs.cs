using System.Collections.Immutable;
using Realtime.Contracts.Media;
using Realtime.GrainTests.Cluster;

namespace Realtime.GrainTests.Media;

/// <summary>What the upload API and the workers do to jobs, in the words of the tests.</summary>
public sealed class MediaJobs(MediaCluster cluster)
{
    /// <summary>The lease a worker gets (LiveApi's default <c>Media:LeaseSeconds</c>).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    /// <summary>Long enough past a lease for the watchdog to tick once more.</summary>
    public static readonly TimeSpan PastLease = Lease + TimeSpan.FromSeconds(5);

    private static int _next;

    public IMediaJobGrain Job(string jobId) => cluster.Grains.GetGrain<IMediaJobGrain>(jobId);

    /// <summary>An upload completes: a job is created and queued, as MediaApi does.</summary>
    public async Task<string> Upload(int maxAttempts = 3)
    {
        var n = Interlocked.Increment(ref _next);
        var jobId = $"{n:x4}{Guid.NewGuid():N}"[..16];
        var created = await Job(jobId).Create($"p-{n}", $"r-{n}", MediaKind.Video, $"p-{n}/r-{n}/source.mp4", "hearing.mp4",
            1_000_000, maxAttempts, replace: false);
        Assert.True(created.IsOk, created.Error.ToString());
        return jobId;
    }

    /// <summary>A worker asks for work, as MediaJobsGrpcService does.</summary>
    public Task<MediaJob?> LeaseNext(string workerId) => cluster.Queue.LeaseNext(workerId, Lease);

    /// <summary>A worker reports progress, renewing its lease for another <see cref="Lease"/>.</summary>
    public Task<JobControl> Heartbeat(string jobId, string workerId, double percent) =>
        Job(jobId).Heartbeat(workerId, new MediaProgress(percent, 25, 1.5, 60), cluster.Clock.GetUtcNow() + Lease, playable: false);

    public Task<Realtime.Contracts.Common.Result<MediaJob>> Fail(string jobId, string workerId, string code, bool retryable) =>
        Job(jobId).Fail(workerId, [new JobFailureReason(code, $"test failure {code}")], ImmutableArray<string>.Empty, retryable);

    public async Task<MediaJob> Get(string jobId) => await Job(jobId).Get() ?? throw new InvalidOperationException($"job {jobId} is missing");
}

using System.Collections.Immutable;
using Realtime.Contracts.Common;

namespace Realtime.Contracts.Media;

/// <summary>Whether a worker carries on with a job after a heartbeat.</summary>
public enum JobControl
{
    Continue = 0,
    /// <summary>An operator cancelled it, or the lease was lost: stop ffmpeg now.</summary>
    Stop = 1,
}

/// <summary>One transcoding job (key = job id), persisted; leases expire unless the worker's heartbeats renew them.</summary>
[Alias("Realtime.IMediaJobGrain")]
public interface IMediaJobGrain : IGrainWithStringKey
{
    /// <param name="replace">An admin confirmed that this recording replaces the programme's published replay.</param>
    [Alias("Create")]
    Task<Result<MediaJob>> Create(string programmeId, string recordingId, MediaKind kind, string sourceBlob, string fileName, long sizeBytes,
        int maxAttempts, bool replace);

    [Alias("Get")]
    Task<MediaJob?> Get();

    /// <summary>Called by the queue: hands the job to a worker until <paramref name="until"/>.</summary>
    [Alias("Lease")]
    Task<Result<MediaJob>> Lease(string workerId, DateTimeOffset until);

    /// <summary>
    /// The worker's progress, renewing its lease. <paramref name="playable"/>: the segments made so far are published, so
    /// the first such report publishes the replay early in the archive (see <see cref="Recording.Processing"/>).
    /// </summary>
    [Alias("Heartbeat")]
    Task<JobControl> Heartbeat(string workerId, MediaProgress progress, DateTimeOffset until, bool playable);

    [Alias("Complete")]
    Task<Result<MediaJob>> Complete(string workerId, Recording recording);

    /// <summary>
    /// The worker failed the job with every reason it found. <paramref name="retryable"/>: a transient failure (network,
    /// storage, a killed ffmpeg) goes back to the queue while attempts remain; bad input fails at once.
    /// </summary>
    [Alias("Fail")]
    Task<Result<MediaJob>> Fail(string workerId, ImmutableArray<JobFailureReason> reasons, ImmutableArray<string> stderrTail, bool retryable);

    /// <summary>A newer job's replay replaced this one's: it is no longer played.</summary>
    [Alias("Supersede")]
    Task Supersede(string byJobId);

    /// <summary>Called by the queue's watchdog when the lease ran out: back to the queue, or failed after the last attempt.</summary>
    [Alias("ExpireLease")]
    Task<MediaJob?> ExpireLease();

    [Alias("Cancel")]
    Task<Result<MediaJob>> Cancel();

    /// <summary>A failed or cancelled job goes back to the queue with fresh attempts.</summary>
    [Alias("Requeue")]
    Task<Result<MediaJob>> Requeue();
}

/// <summary>The queue of transcoding jobs (one grain, key "media"): leasing, positions and the lease watchdog.</summary>
[Alias("Realtime.IMediaQueueGrain")]
public interface IMediaQueueGrain : IGrainWithStringKey
{
    public const string Key = "media";

    [Alias("Enqueue")]
    Task Enqueue(string jobId);

    /// <summary>The next queued job, leased to this worker; null when there is none.</summary>
    [Alias("LeaseNext")]
    Task<MediaJob?> LeaseNext(string workerId, TimeSpan lease);

    /// <summary>Every job, newest first, with queued jobs' positions.</summary>
    [Alias("List")]
    Task<ImmutableArray<MediaJob>> List();

    [Alias("PositionOf")]
    Task<int?> PositionOf(string jobId);

    /// <summary>A job ended or left the lease: stop watching it.</summary>
    [Alias("Finished")]
    Task Finished(string jobId);
}

using System.Collections.Immutable;

namespace Realtime.Contracts.Media;

/// <summary>Queued → Leased → Running → Succeeded / Failed / Cancelled. Failed jobs may be requeued by an operator.</summary>
public enum MediaJobState
{
    Queued = 0,
    Leased = 1,
    Running = 2,
    Succeeded = 3,
    Failed = 4,
    Cancelled = 5,
}

/// <summary>Video programmes get the HLS ladder; radio programmes audio only.</summary>
public enum MediaKind
{
    Video = 0,
    Radio = 1,
}

[GenerateSerializer, Immutable, Alias("Realtime.MediaProgress")]
public sealed record MediaProgress(
    [property: Id(0)] double? Percent,
    [property: Id(1)] double? Fps,
    [property: Id(2)] double? Speed,
    [property: Id(3)] double? EtaSeconds);

/// <summary>One reason a job failed: a stable English code and a sentence for the operator (zh-CN).</summary>
[GenerateSerializer, Immutable, Alias("Realtime.JobFailureReason")]
public sealed record JobFailureReason(
    [property: Id(0)] string Code,
    [property: Id(1)] string Message);

/// <summary>
/// A transcoding job as the admin page shows it. <see cref="FailureReasons"/>: every reason it failed (a silent clip at
/// 5 fps has two); <see cref="FailureCode"/> and <see cref="FailureMessage"/> are the same, joined.
/// <see cref="Replace"/>: an admin asked for this recording to replace the programme's published replay;
/// <see cref="ReplacedJobId"/>: the job whose replay it replaced (its outputs are deleted);
/// <see cref="SupersededBy"/>: this job's replay was replaced by that job's.
/// </summary>
[GenerateSerializer, Immutable, Alias("Realtime.MediaJob")]
public sealed record MediaJob(
    [property: Id(0)] string JobId,
    [property: Id(1)] string ProgrammeId,
    [property: Id(2)] string RecordingId,
    [property: Id(3)] MediaKind Kind,
    [property: Id(4)] string SourceBlob,
    [property: Id(5)] string FileName,
    [property: Id(6)] long SizeBytes,
    [property: Id(7)] MediaJobState State,
    [property: Id(8)] int Attempts,
    [property: Id(9)] int MaxAttempts,
    [property: Id(10)] string? WorkerId,
    [property: Id(11)] DateTimeOffset? LeaseExpiresAt,
    [property: Id(12)] MediaProgress? Progress,
    [property: Id(13)] string? FailureCode,
    [property: Id(14)] string? FailureMessage,
    [property: Id(15)] ImmutableArray<string> StderrTail,
    [property: Id(16)] DateTimeOffset CreatedAt,
    [property: Id(17)] DateTimeOffset UpdatedAt,
    [property: Id(18)] DateTimeOffset? FinishedAt,
    [property: Id(19)] long Version,
    [property: Id(20)] DateTimeOffset? PlayableAt = null,
    [property: Id(22)] bool Replace = false,
    [property: Id(23)] string? ReplacedJobId = null,
    [property: Id(24)] string? SupersededBy = null)
{
    /// <summary>Kept out of the constructor: a defaulted ImmutableArray parameter cannot be described by the OpenAPI schema.</summary>
    [Id(21)]
    public ImmutableArray<JobFailureReason> FailureReasons { get; init; } = [];

    public string OutputContainer => OutputContainerOf(JobId);

    /// <summary>The Blob container holding a job's outputs.</summary>
    public static string OutputContainerOf(string jobId) => "out-" + jobId;

    public bool IsFinished => State is MediaJobState.Succeeded or MediaJobState.Failed or MediaJobState.Cancelled;
}

/// <summary>What the worker sends back on success: the files it uploaded and what they are.</summary>
[GenerateSerializer, Immutable, Alias("Realtime.Rendition")]
public sealed record Rendition(
    [property: Id(0)] string Name,
    [property: Id(1)] int Width,
    [property: Id(2)] int Height,
    [property: Id(3)] int BitrateKbps);

/// <summary>
/// A published recording: where its playlist, download, poster and storyboard are, relative to the job's container.
/// <see cref="Processing"/>: published early, while the job still runs — the playlists grow, and there is no download,
/// poster or storyboard yet. <see cref="Live"/>: captured from a live stream (JobId is the stream id; played from
/// /live/{programme}/…). <see cref="StartsAt"/>: the wall-clock time of the first frame (PROGRAM-DATE-TIME), by which
/// the chapters are aligned; null for uploaded recordings, which start when the programme started.
/// </summary>
[GenerateSerializer, Immutable, Alias("Realtime.Recording")]
public sealed record Recording(
    [property: Id(0)] string ProgrammeId,
    [property: Id(1)] string JobId,
    [property: Id(2)] MediaKind Kind,
    [property: Id(3)] string MasterPath,
    [property: Id(4)] string? DownloadPath,
    [property: Id(5)] string? PosterPath,
    [property: Id(6)] string? StoryboardPath,
    [property: Id(7)] double DurationSeconds,
    [property: Id(8)] ImmutableArray<Rendition> Renditions,
    [property: Id(9)] DateTimeOffset PublishedAt,
    [property: Id(10)] bool Processing = false,
    [property: Id(11)] bool Live = false,
    [property: Id(12)] DateTimeOffset? StartsAt = null);

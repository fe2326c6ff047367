using Realtime.Contracts.Media;

namespace Realtime.Contracts.LiveStreams;

/// <summary>
/// Waiting (opened, no worker yet) → Listening (a worker waits for the encoder) → Receiving (segments flow) →
/// Interrupted (the encoder dropped; the worker listens again) … → Ended (the programme ended: playlists closed,
/// archived). A worker that goes silent puts the stream back to Waiting for the next worker.
/// </summary>
public enum LiveStreamState
{
    Waiting = 0,
    Listening = 1,
    Receiving = 2,
    Interrupted = 3,
    Ended = 4,
}

/// <summary>What LiveApi tells the worker holding a live stream after each report.</summary>
public enum LiveControl
{
    Continue = 0,
    /// <summary>The programme ended: close the playlists, publish the replay.</summary>
    Finish = 1,
    /// <summary>The lease was lost (another worker has the stream): stop at once, publish nothing more.</summary>
    Stop = 2,
}

/// <summary>The studio input as the worker sees it, and how the live encode keeps up.</summary>
/// <param name="Connected">An encoder is connected and sending.</param>
/// <param name="InputKbps">Bitrate arriving from the encoder, kbit/s.</param>
/// <param name="DroppedFrames">Frames ffmpeg dropped since the encoder connected.</param>
/// <param name="Speed">Encode speed (1.0 = realtime; below it the stream falls behind).</param>
/// <param name="LastSegmentAt">When the newest segment was published.</param>
[GenerateSerializer, Immutable, Alias("Realtime.LiveHealth")]
public sealed record LiveHealth(
    [property: Id(0)] bool Connected,
    [property: Id(1)] string? VideoCodec,
    [property: Id(2)] int? Width,
    [property: Id(3)] int? Height,
    [property: Id(4)] double? FrameRate,
    [property: Id(5)] string? AudioCodec,
    [property: Id(6)] int? AudioChannels,
    [property: Id(7)] int? AudioSampleRate,
    [property: Id(8)] double? InputKbps,
    [property: Id(9)] long DroppedFrames,
    [property: Id(10)] double? Speed,
    [property: Id(11)] DateTimeOffset? LastSegmentAt,
    [property: Id(12)] int Segments,
    [property: Id(13)] string? EncoderAddress);

/// <summary>A condition the admin must know about, with a stable code and one sentence in Chinese.</summary>
[GenerateSerializer, Immutable, Alias("Realtime.LiveProblem")]
public sealed record LiveProblem([property: Id(0)] string Code, [property: Id(1)] string Message, [property: Id(2)] DateTimeOffset At);

/// <summary>
/// A programme's live stream (one per programme, key = programme id). <see cref="Passphrase"/> and
/// <see cref="Address"/> are for admins only; viewers get <see cref="LivePlayback"/>.
/// <see cref="Run"/> grows with every lease, so each worker's segments have their own folder and a new run starts
/// after a discontinuity.
/// </summary>
[GenerateSerializer, Immutable, Alias("Realtime.LiveStream")]
public sealed record LiveStream(
    [property: Id(0)] string ProgrammeId,
    [property: Id(1)] string StreamId,
    [property: Id(2)] MediaKind Kind,
    [property: Id(3)] LiveStreamState State,
    [property: Id(4)] string Passphrase,
    [property: Id(5)] int Run,
    [property: Id(6)] string? WorkerId,
    [property: Id(7)] string? Address,
    [property: Id(8)] DateTimeOffset? LeaseExpiresAt,
    [property: Id(9)] LiveHealth? Health,
    [property: Id(10)] LiveProblem? Problem,
    [property: Id(11)] DateTimeOffset OpenedAt,
    [property: Id(12)] DateTimeOffset? EndedAt,
    [property: Id(13)] DateTimeOffset? PlayableAt,
    [property: Id(14)] long Version)
{
    /// <summary>The Blob container holding the stream's segments and playlists.</summary>
    public string Container => ContainerOf(StreamId);

    public static string ContainerOf(string streamId) => "live-" + streamId;

    /// <summary>What an encoder is given: the SRT URL with the passphrase (null until a worker listens).</summary>
    public string? EncoderUrl => Address is null ? null : $"srt://{Address}?passphrase={Passphrase}";

    public LivePlayback ToPlayback() => new(ProgrammeId, Kind, State, PlayableAt is not null && State != LiveStreamState.Ended,
        PlayableAt is null ? null : $"/live/{ProgrammeId}/master.m3u8", Health?.Connected == true, Version);
}

/// <summary>The public side of a live stream: what a viewer's player needs.</summary>
/// <param name="OnAir">Playable now (segments are published and the stream has not ended).</param>
[GenerateSerializer, Immutable, Alias("Realtime.LivePlayback")]
public sealed record LivePlayback(
    [property: Id(0)] string ProgrammeId,
    [property: Id(1)] MediaKind Kind,
    [property: Id(2)] LiveStreamState State,
    [property: Id(3)] bool OnAir,
    [property: Id(4)] string? PlaylistUrl,
    [property: Id(5)] bool SignalPresent,
    [property: Id(6)] long Version);

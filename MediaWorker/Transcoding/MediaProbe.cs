namespace Realtime.MediaWorker.Transcoding;

/// <summary>What ffprobe found in a file: only the facts the checks and the ladder planner need.</summary>
/// <param name="Container">ffprobe's format name, e.g. "mov,mp4,m4a,3gp,3g2,mj2".</param>
/// <param name="Duration">Null when the file does not say how long it is (truncated or a still image).</param>
/// <param name="BitRate">Bits per second of the whole file, when known.</param>
public sealed record MediaProbe(
    string Container,
    TimeSpan? Duration,
    long SizeBytes,
    long? BitRate,
    VideoStreamInfo? Video,
    AudioStreamInfo? Audio);

/// <summary>The first real video stream (cover art in an MP3 is not one).</summary>
/// <param name="Width">Stored width in pixels, before rotation and pixel aspect.</param>
/// <param name="Height">Stored height in pixels.</param>
/// <param name="Rotation">Display rotation in degrees 0, 90, 180 or 270 (counter-clockwise, as ffprobe reports it).</param>
/// <param name="FrameRate">Average frame rate; <see cref="Rational.Zero"/> when unknown.</param>
/// <param name="SampleAspectRatio">Pixel shape; 1/1 for square pixels (anamorphic SD broadcasts are not).</param>
/// <param name="Interlaced">True for field-coded video (TV recordings), which is deinterlaced before scaling.</param>
public sealed record VideoStreamInfo(
    string Codec,
    int Width,
    int Height,
    int Rotation,
    Rational FrameRate,
    long? BitRate,
    Rational SampleAspectRatio,
    bool Interlaced)
{
    /// <summary>Frames in the stream when the container says (MP4, MOV); null when it does not (MKV, TS).</summary>
    public long? FrameCount { get; init; }

    public bool IsSideways => Rotation is 90 or 270;

    /// <summary>Width as the viewer sees it: pixel aspect applied, then rotation.</summary>
    public int DisplayWidth => IsSideways ? Height : StretchedWidth;

    /// <summary>Height as the viewer sees it.</summary>
    public int DisplayHeight => IsSideways ? StretchedWidth : Height;

    private int StretchedWidth => SampleAspectRatio.IsPositive
        ? (int)Math.Round(Width * SampleAspectRatio.Value)
        : Width;
}

/// <summary>The first audio stream.</summary>
public sealed record AudioStreamInfo(string Codec, int Channels, int SampleRate, long? BitRate);

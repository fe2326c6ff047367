namespace Realtime.MediaWorker.Transcoding;

/// <summary>What one job will produce, decided from the probe before ffmpeg starts.</summary>
/// <param name="Duration">Source duration, for progress and the storyboard map.</param>
/// <param name="Video">Null for radio: audio only, no video encode.</param>
/// <param name="Download">Also write a progressive file for download (MP4, or M4A for radio).</param>
public sealed record TranscodePlan(
    ProgrammeKind Kind,
    TimeSpan Duration,
    int SegmentSeconds,
    AudioPlan Audio,
    VideoPlan? Video,
    bool Download);

/// <summary>The one AAC rendition every rung shares.</summary>
public sealed record AudioPlan(int BitrateKbps, int SampleRate, int Channels);

/// <summary>The ladder and the picture outputs of a video programme.</summary>
/// <param name="Rungs">Highest first; never above the source.</param>
/// <param name="FrameRate">Output frame rate of every rung.</param>
/// <param name="KeyframeInterval">Frames between keyframes (2 s × fps), the same on every rung.</param>
/// <param name="Deinterlace">The source is interlaced TV video.</param>
/// <param name="DownloadRung">The rung whose encode is also written as the download MP4; null for none.</param>
public sealed record VideoPlan(
    IReadOnlyList<LadderRung> Rungs,
    Rational FrameRate,
    int KeyframeInterval,
    bool Deinterlace,
    LadderRung? DownloadRung,
    PosterPlan? Poster,
    StoryboardPlan? Storyboard);

/// <summary>One rendition of the ladder.</summary>
/// <param name="Name">Folder and HLS variant name, e.g. "720p" (named by the short side, portrait or not).</param>
public sealed record LadderRung(string Name, int Width, int Height, int BitrateKbps, int MaxRateKbps, int BufferKbps)
{
    /// <summary>The height of a landscape rung, the width of a portrait one.</summary>
    public int ShortSide => Math.Min(Width, Height);
}

/// <summary>One still frame taken <paramref name="At"/> into the recording.</summary>
public sealed record PosterPlan(TimeSpan At, int Width, int Height);

/// <summary>Thumbnails every <paramref name="IntervalSeconds"/>, tiled <paramref name="Columns"/>×<paramref name="Rows"/> per JPEG.</summary>
public sealed record StoryboardPlan(
    int IntervalSeconds,
    int ThumbnailWidth,
    int ThumbnailHeight,
    int Columns,
    int Rows,
    int ThumbnailCount)
{
    public int PerSheet => Columns * Rows;

    public int SheetCount => (ThumbnailCount + PerSheet - 1) / PerSheet;
}

using System.ComponentModel.DataAnnotations;

namespace Realtime.MediaWorker.Transcoding;

/// <summary>How recordings are checked and transcoded (configuration section "Transcode").</summary>
public sealed class TranscodeOptions : IValidatableObject
{
    public const string Section = "Transcode";

    // --- encoding -------------------------------------------------------------------------------------------

    /// <summary>x264 preset of every rung. Default "veryfast" (about 2.8× realtime for a 720p ladder on 2 cores).</summary>
    [Required, RegularExpression("^(ultrafast|superfast|veryfast|faster|fast|medium|slow|slower|veryslow)$")]
    public string X264Preset { get; set; } = "veryfast";

    /// <summary>Target HLS segment length in seconds. Default 4: with 2 s keyframes every segment starts on one.</summary>
    [Range(4, 6)] public int SegmentSeconds { get; set; } = 4;

    /// <summary>Seconds between keyframes, the same on every rung so players can switch rungs anywhere. Default 2.</summary>
    [Range(1, 6)] public int KeyframeIntervalSeconds { get; set; } = 2;

    /// <summary>Also force keyframes by time (not only every N frames); useful for odd-timed sources. Default false.</summary>
    public bool ForceKeyFramesByTime { get; set; }

    /// <summary>Average video bitrate of the 1080p rung in kbit/s. Default 5000.</summary>
    [Range(100, 50_000)] public int Bitrate1080Kbps { get; set; } = 5000;

    /// <summary>Average video bitrate of the 720p rung in kbit/s. Default 2800.</summary>
    [Range(100, 50_000)] public int Bitrate720Kbps { get; set; } = 2800;

    /// <summary>Average video bitrate of the 480p rung in kbit/s. Default 1400.</summary>
    [Range(100, 50_000)] public int Bitrate480Kbps { get; set; } = 1400;

    /// <summary>Average video bitrate of the 360p rung (and of smaller sources) in kbit/s. Default 800.</summary>
    [Range(100, 50_000)] public int Bitrate360Kbps { get; set; } = 800;

    /// <summary>
    /// No rung gets more than the source's video bitrate times this (re-encoding cannot add detail; below the top rung's
    /// default the whole ladder is scaled down). Default 1.0: no rung above the source.
    /// </summary>
    [Range(0.25, 4.0)] public double SourceBitrateCap { get; set; } = 1.0;

    /// <summary>Peak rate (-maxrate) as a multiple of the rung bitrate. Default 1.1.</summary>
    [Range(1.0, 3.0)] public double MaxRateFactor { get; set; } = 1.1;

    /// <summary>Rate-control buffer (-bufsize) as a multiple of the rung bitrate. Default 2.</summary>
    [Range(0.5, 5.0)] public double BufferFactor { get; set; } = 2.0;

    /// <summary>
    /// Output frame rates above this are halved (a 120 fps phone clip becomes 60). Odd and variable rates are first
    /// normalised to a standard constant rate (see <see cref="FrameRates"/>). Default 60.
    /// </summary>
    [Range(24, 120)] public double MaxOutputFrameRate { get; set; } = 60;

    /// <summary>AAC bitrate of the shared audio rendition of video programmes, kbit/s. Default 128.</summary>
    [Range(32, 320)] public int AudioBitrateKbps { get; set; } = 128;

    /// <summary>AAC bitrate of radio programmes, kbit/s. Default 96.</summary>
    [Range(32, 320)] public int RadioAudioBitrateKbps { get; set; } = 96;

    // --- extra outputs --------------------------------------------------------------------------------------

    /// <summary>Write a progressive MP4 (or M4A for radio) for download. Default true.</summary>
    public bool Download { get; set; } = true;

    /// <summary>The download MP4 is the highest rung at or below this height. Default 720.</summary>
    [Range(144, 2160)] public int DownloadMaxHeight { get; set; } = 720;

    /// <summary>Write a poster JPEG. Default true.</summary>
    public bool Poster { get; set; } = true;

    /// <summary>Where the poster frame is taken, in percent of the duration. Default 10.</summary>
    [Range(0, 90)] public int PosterAtPercent { get; set; } = 10;

    /// <summary>Write storyboard sprites and their WebVTT map (thumbnails when scrubbing). Default true.</summary>
    public bool Storyboard { get; set; } = true;

    /// <summary>Seconds between storyboard thumbnails. Default 10.</summary>
    [Range(1, 600)] public int StoryboardIntervalSeconds { get; set; } = 10;

    /// <summary>Width of one storyboard thumbnail in pixels. Default 160.</summary>
    [Range(32, 640)] public int StoryboardThumbnailWidth { get; set; } = 160;

    /// <summary>Thumbnails per sprite row and column. Default 10 (10×10 per JPEG).</summary>
    [Range(1, 20)] public int StoryboardTiles { get; set; } = 10;

    // --- input limits ---------------------------------------------------------------------------------------

    /// <summary>Largest accepted file in bytes. Default 20 GiB (a 2-hour studio recording at 20 Mbit/s is ~18 GB).</summary>
    [Range(1L, long.MaxValue)] public long MaxFileBytes { get; set; } = 20L * 1024 * 1024 * 1024;

    /// <summary>Shortest accepted recording in seconds. Default 1.</summary>
    [Range(0.1, 3600)] public double MinDurationSeconds { get; set; } = 1;

    /// <summary>Longest accepted recording in seconds. Default 21600 (6 hours).</summary>
    [Range(1, 86_400)] public double MaxDurationSeconds { get; set; } = 6 * 3600;

    /// <summary>Longest accepted side of the picture (after rotation; portrait or landscape). Default 3840 (4K UHD).</summary>
    [Range(16, 16_384)] public int MaxWidth { get; set; } = 3840;

    /// <summary>Shortest side's upper limit (after rotation). Default 2160.</summary>
    [Range(16, 16_384)] public int MaxHeight { get; set; } = 2160;

    /// <summary>Lowest accepted frame rate. Default 10 (slide shows and broken timestamps fall below).</summary>
    [Range(1, 240)] public double MinFrameRate { get; set; } = 10;

    /// <summary>Highest accepted frame rate. Default 120 (timestamp garbage such as 90000 fps lies above).</summary>
    [Range(1, 1000)] public double MaxFrameRate { get; set; } = 120;

    // --- running --------------------------------------------------------------------------------------------

    /// <summary>ffmpeg is killed when it makes no progress for this many seconds. Default 60.</summary>
    [Range(1, 3600)] public int StallTimeoutSeconds { get; set; } = 60;

    /// <summary>ffprobe is given up on after this many seconds. Default 60.</summary>
    [Range(1, 3600)] public int ProbeTimeoutSeconds { get; set; } = 60;

    /// <summary>Lines of ffmpeg's error output kept for the failure report. Default 40.</summary>
    [Range(1, 1000)] public int StderrTailLines { get; set; } = 40;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (KeyframeIntervalSeconds > SegmentSeconds)
            yield return new ValidationResult("KeyframeIntervalSeconds must not exceed SegmentSeconds.",
                [nameof(KeyframeIntervalSeconds)]);
        if (MinFrameRate >= MaxFrameRate)
            yield return new ValidationResult("MinFrameRate must be below MaxFrameRate.", [nameof(MinFrameRate)]);
        if (MinDurationSeconds >= MaxDurationSeconds)
            yield return new ValidationResult("MinDurationSeconds must be below MaxDurationSeconds.",
                [nameof(MinDurationSeconds)]);
    }
}

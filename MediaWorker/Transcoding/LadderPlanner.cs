namespace Realtime.MediaWorker.Transcoding;

/// <summary>Chooses the rungs, bitrates, keyframe interval and extra outputs for a probed source. Pure.</summary>
public static class LadderPlanner
{
    /// <summary>The ladder's short sides, highest first: the height of a landscape rung, the width of a portrait one.</summary>
    public static IReadOnlyList<int> Heights { get; } = [1080, 720, 480, 360];

    /// <param name="probe">A probe that passed <see cref="InputChecks"/>.</param>
    public static TranscodePlan Plan(MediaProbe probe, ProgrammeKind kind, TranscodeOptions options)
    {
        var duration = probe.Duration ?? throw new ArgumentException("The probe has no duration; check it first.", nameof(probe));
        if (kind == ProgrammeKind.Radio)
            return new TranscodePlan(kind, duration, options.SegmentSeconds,
                new AudioPlan(options.RadioAudioBitrateKbps, 48_000, 2), Video: null, options.Download);

        var video = probe.Video ?? throw new ArgumentException("A video programme needs a video stream.", nameof(probe));
        var rungs = Rungs(video, SourceVideoBitrate(probe), options);
        var frameRate = FrameRates.Output(video.FrameRate, options.MaxOutputFrameRate);
        var keyframeInterval = Math.Max(1, (int)Math.Round(options.KeyframeIntervalSeconds * frameRate.Value));
        var download = options.Download
            ? rungs.FirstOrDefault(r => r.ShortSide <= options.DownloadMaxHeight) ?? rungs[^1]
            : null;
        var posterSize = rungs.FirstOrDefault(r => r.ShortSide <= 720) ?? rungs[^1];
        var poster = options.Poster
            ? new PosterPlan(duration * (options.PosterAtPercent / 100.0), posterSize.Width, posterSize.Height)
            : null;
        var storyboard = options.Storyboard ? Storyboard(video, duration, options) : null;

        return new TranscodePlan(kind, duration, options.SegmentSeconds,
            new AudioPlan(options.AudioBitrateKbps, 48_000, 2),
            new VideoPlan(rungs, frameRate, keyframeInterval, video.Interlaced, download, poster, storyboard),
            options.Download);
    }

    /// <summary>
    /// Rungs by the short side (a portrait phone clip gets 720×1280, 480×854 …), never above the source. The source's
    /// own video bitrate caps the ladder: when it is below the top rung's default, every rung is scaled down by the same
    /// factor, so the ladder keeps its shape and no rung spends more bits than the source has.
    /// </summary>
    private static List<LadderRung> Rungs(VideoStreamInfo video, long? sourceBitrate, TranscodeOptions options)
    {
        var portrait = video.DisplayHeight > video.DisplayWidth;
        var sourceShort = Math.Min(video.DisplayWidth, video.DisplayHeight);
        var shorts = Heights.Where(h => h <= sourceShort).ToList();
        if (shorts.Count == 0)
            shorts.Add(Math.Max(2, sourceShort / 2 * 2)); // even, and never above the source
        var longPerShort = (double)Math.Max(video.DisplayWidth, video.DisplayHeight) / sourceShort;
        var top = DefaultBitrate(shorts[0], options);
        var cap = sourceBitrate is > 0 ? sourceBitrate.Value * options.SourceBitrateCap / 1000 : double.MaxValue;
        var scale = Math.Min(1, cap / top);
        return shorts.Select(side =>
        {
            var bitrate = Math.Max(1, (int)Math.Floor(DefaultBitrate(side, options) * scale));
            var other = Even(side * longPerShort);
            var (width, height) = portrait ? (side, other) : (other, side);
            return new LadderRung($"{side}p", width, height, bitrate,
                (int)Math.Round(bitrate * options.MaxRateFactor), (int)Math.Round(bitrate * options.BufferFactor));
        }).ToList();
    }

    private static int DefaultBitrate(int height, TranscodeOptions options) => height switch
    {
        >= 1080 => options.Bitrate1080Kbps,
        >= 720 => options.Bitrate720Kbps,
        >= 480 => options.Bitrate480Kbps,
        _ => options.Bitrate360Kbps,
    };

    // Containers such as MKV give no per-stream bitrate: the file's minus the audio's is a fair estimate.
    private static long? SourceVideoBitrate(MediaProbe probe) =>
        probe.Video?.BitRate ?? (probe.BitRate is { } total ? total - (probe.Audio?.BitRate ?? 0) : null);

    private static StoryboardPlan Storyboard(VideoStreamInfo video, TimeSpan duration, TranscodeOptions options)
    {
        // The long side of a thumbnail is the configured width, so a portrait storyboard is not twice as tall.
        var side = options.StoryboardThumbnailWidth;
        var (width, height) = video.DisplayHeight > video.DisplayWidth
            ? (Even((double)side * video.DisplayWidth / video.DisplayHeight), side)
            : (side, Even((double)side * video.DisplayHeight / video.DisplayWidth));
        // One thumbnail per whole interval: ffmpeg's fps filter gives no frame for a trailing part-interval, so a
        // ceiling here would point the last cue at an empty (black) cell; the last cue runs to the end instead.
        var count = Math.Max(1, (int)Math.Floor(duration.TotalSeconds / options.StoryboardIntervalSeconds));
        return new StoryboardPlan(options.StoryboardIntervalSeconds, width, height,
            options.StoryboardTiles, options.StoryboardTiles, count);
    }

    /// <summary>x264 with 4:2:0 needs even sizes.</summary>
    private static int Even(double value) => Math.Max(2, (int)Math.Round(value / 2) * 2);
}

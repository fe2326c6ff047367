using System.Globalization;

namespace Realtime.MediaWorker.Transcoding;

/// <summary>Decides whether a probed file can become a programme, and if not, says why in words. Pure.</summary>
public static class InputChecks
{
    /// <summary>Every reason to refuse the file; empty when it can be transcoded.</summary>
    public static IReadOnlyList<FailureReason> Check(ProbeReport report, ProgrammeKind kind, TranscodeOptions options)
    {
        if (report.SizeBytes == 0)
            return [Reasons.EmptyFile];
        var refusals = new List<FailureReason>();
        if (report.SizeBytes > options.MaxFileBytes)
            refusals.Add(Reasons.FileTooLarge(report.SizeBytes, options.MaxFileBytes));

        var probe = report.Probe;
        if (probe is null)
            return [.. refusals, report.HeaderLooksLikeMedia ? Reasons.Truncated : Reasons.NotMedia];
        if (IsStillImage(probe))
            return [.. refusals, kind == ProgrammeKind.Radio ? Reasons.NotMedia : Reasons.StillImage];
        if (probe is { Video: null, Audio: null })
            return [.. refusals, Reasons.NotMedia];
        // Before the truncation check: the last seconds of a one-frame video hold no video to read.
        if (kind == ProgrammeKind.Video && probe.Video?.FrameCount == 1)
            return [.. refusals, Reasons.SingleFrame];
        if (probe.Duration is not { } duration || report.EndReadable == false)
            return [.. refusals, Reasons.Truncated];

        if (duration.TotalSeconds < options.MinDurationSeconds)
            refusals.Add(Reasons.TooShort(duration, options.MinDurationSeconds));
        if (duration.TotalSeconds > options.MaxDurationSeconds)
            refusals.Add(Reasons.TooLong(duration, options.MaxDurationSeconds));
        if (probe.Audio is null)
            refusals.Add(kind == ProgrammeKind.Radio ? Reasons.NoAudioRadio : Reasons.NoAudio);
        if (kind == ProgrammeKind.Video)
            refusals.AddRange(CheckVideo(probe.Video, options));
        return refusals;
    }

    private static IEnumerable<FailureReason> CheckVideo(VideoStreamInfo? video, TranscodeOptions options)
    {
        if (video is null)
        {
            yield return Reasons.NoVideo;
            yield break;
        }
        // Portrait (phone) recordings are welcome: the limits apply to the long and the short side, whichever way up.
        var (longSide, shortSide) = (Math.Max(video.DisplayWidth, video.DisplayHeight), Math.Min(video.DisplayWidth, video.DisplayHeight));
        if (longSide > options.MaxWidth || shortSide > options.MaxHeight)
            yield return Reasons.ResolutionTooHigh(video.DisplayWidth, video.DisplayHeight, options.MaxWidth, options.MaxHeight);
        var fps = video.FrameRate.Value;
        if (!video.FrameRate.IsPositive || fps < options.MinFrameRate || fps > options.MaxFrameRate)
            yield return Reasons.FrameRate(video.FrameRate, options.MinFrameRate, options.MaxFrameRate);
    }

    // A JPEG or PNG renamed .mp4 probes as a one-frame "video" without duration.
    private static bool IsStillImage(MediaProbe probe) =>
        probe.Container.EndsWith("_pipe", StringComparison.Ordinal) || probe.Container == "image2";

    /// <summary>The sentences, in one place so their wording stays consistent.</summary>
    public static class Reasons
    {
        public static FailureReason EmptyFile { get; } =
            new("empty_file", "文件是空的（empty_file）：上传可能没有完成，请重新上传。");

        public static FailureReason NotMedia { get; } =
            new("not_media", "这不是音视频文件（not_media）：请上传 MP4、MOV、MKV、TS 等录像，或 MP3、WAV、M4A 等录音。");

        public static FailureReason Truncated { get; } =
            new("truncated", "文件不完整或已损坏（truncated）：可能上传中断了，请重新上传完整的文件。");

        public static FailureReason NoAudio { get; } =
            new("no_audio", "录像没有音轨（no_audio）：请上传带声音的录像。");

        public static FailureReason NoAudioRadio { get; } =
            new("no_audio", "录音里没有声音（no_audio）：广播节目请上传带声音的录音文件。");

        public static FailureReason NoVideo { get; } =
            new("no_video", "这是视频节目，但文件里没有画面（no_video）：请上传录像，或把节目类型改为广播。");

        public static FailureReason FileTooLarge(long size, long max) =>
            new("file_too_large", $"文件有 {Gb(size)} GB，超过了 {Gb(max)} GB 的上限（file_too_large）：请压缩或分段后再上传。");

        public static FailureReason TooShort(TimeSpan duration, double minSeconds) =>
            new("too_short", $"录像只有 {Num(duration.TotalSeconds)} 秒，太短了（too_short）：请上传至少 {Num(minSeconds)} 秒的录像。");

        public static FailureReason TooLong(TimeSpan duration, double maxSeconds) =>
            new("too_long", $"录像长 {Clock(duration)}，超过了 {Clock(TimeSpan.FromSeconds(maxSeconds))} 的上限（too_long）：请分段后上传。");

        public static FailureReason StillImage { get; } =
            new("still_image", "这是一张图片，不是录像（still_image）：请上传节目的录像文件。");

        public static FailureReason SingleFrame { get; } =
            new("single_frame", "录像里只有一帧画面（single_frame）：这更像一张图片，请上传节目的完整录像。");

        public static FailureReason ResolutionTooHigh(int width, int height, int maxWidth, int maxHeight) =>
            new("resolution_too_high",
                $"分辨率 {width}×{height} 超过了 {maxWidth}×{maxHeight}（resolution_too_high）：请先转成不超过 {maxWidth}×{maxHeight}（竖屏 {maxHeight}×{maxWidth}）的录像再上传。");

        public static FailureReason FrameRate(Rational rate, double min, double max) =>
            new("frame_rate", rate.IsPositive
                ? $"帧率 {Num(rate.Value)} 帧/秒不受支持（frame_rate）：请上传每秒 {Num(min)}–{Num(max)} 帧的录像（25、29.97、30、50、60 都可以）。"
                : $"无法确定录像的帧率（frame_rate）：请用常见帧率（25、29.97、30、50、60）重新导出后上传。");

        private static string Gb(long bytes) => Num(bytes / 1024.0 / 1024 / 1024);

        private static string Num(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

        private static string Clock(TimeSpan t) =>
            string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}");
    }
}

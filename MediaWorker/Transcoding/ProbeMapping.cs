using System.Globalization;
using System.Text.Json;
using FFMpegCore;

namespace Realtime.MediaWorker.Transcoding;

/// <summary>
/// Turns FFMpegCore's analysis of a file (<see cref="FFProbe.AnalyseAsync(string, FFOptions?, string?, CancellationToken)"/>)
/// into the few facts the checks and the planner need. Exact ratios (30000/1001, a pixel aspect of 16:15) and the frame
/// count are read from the raw stream, which FFMpegCore keeps but does not type. Pure: tested on recorded ffprobe JSON.
/// </summary>
public static class ProbeMapping
{
    private static readonly string[] InterlacedFieldOrders = ["tt", "bb", "tb", "bt"];

    public static MediaProbe From(IMediaAnalysis analysis)
    {
        var video = analysis.VideoStreams.FirstOrDefault(s => !IsPicture(s));
        var audio = analysis.AudioStreams.FirstOrDefault();
        var duration = Seconds(analysis.Raw.Format.Duration)
            ?? (video is null ? null : Seconds(Raw(analysis, video.Index)?.Duration))
            ?? (audio is null ? null : Seconds(Raw(analysis, audio.Index)?.Duration));
        return new MediaProbe(
            Container: analysis.Format.FormatName ?? "unknown",
            Duration: duration,
            SizeBytes: long.TryParse(analysis.Raw.Format.Size, CultureInfo.InvariantCulture, out var size) ? size : 0,
            BitRate: analysis.Format.BitRate,
            Video: video is null ? null : Video(video, Raw(analysis, video.Index)),
            Audio: audio is null ? null : new AudioStreamInfo(audio.CodecName ?? "unknown", audio.Channels ?? 0, audio.SampleRateHz ?? 0, audio.BitRate));
    }

    /// <summary>The latest presentation time among <paramref name="packets"/> (FFProbe.GetPacketsAsync), or null.</summary>
    public static double? LastPacketTime(FFProbePackets packets) =>
        packets.Packets.Select(p => Seconds(p.PtsTime)?.TotalSeconds).Max();

    private static VideoStreamInfo Video(VideoStream stream, FFProbeStream? raw)
    {
        var frameRate = Rational.Parse(raw?.AvgFrameRate) is { IsPositive: true } average ? average
            : Rational.Parse(raw?.FrameRate) is { IsPositive: true } real ? real : Rational.Zero;
        var sar = Rational.Parse(raw?.SampleAspectRatio) is { IsPositive: true } ratio ? ratio : new Rational(1, 1);
        var frames = long.TryParse(Extension(raw?.ExtensionData, "nb_frames"), CultureInfo.InvariantCulture, out var count) ? count : (long?)null;
        return new VideoStreamInfo(
            Codec: stream.CodecName ?? "unknown",
            Width: stream.Width ?? 0,
            Height: stream.Height ?? 0,
            Rotation: QuarterTurns(stream.Rotation),
            FrameRate: frameRate,
            BitRate: stream.BitRate,
            SampleAspectRatio: sar,
            Interlaced: InterlacedFieldOrders.Contains(stream.FieldOrder))
        {
            FrameCount = frames,
        };
    }

    // Phones write the display matrix as side data (FFMpegCore reads it, or the older "rotate" tag), e.g. -90 or 270.
    private static int QuarterTurns(int degrees) => ((int)Math.Round(degrees / 90.0) % 4 + 4) % 4 * 90;

    private static bool IsPicture(MediaStream s) =>
        s.Disposition is { } d && (d.GetValueOrDefault("attached_pic") || d.GetValueOrDefault("timed_thumbnails"));

    private static FFProbeStream? Raw(IMediaAnalysis analysis, int index) =>
        analysis.Raw.Streams.FirstOrDefault(s => s.Index == index);

    private static string? Extension(IReadOnlyDictionary<string, JsonElement>? data, string name) =>
        data is not null && data.TryGetValue(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    /// <summary>"12.000000" or, as FFMpegCore asks ffprobe for it, "0:00:12.000000"; null for N/A and nonsense.</summary>
    public static TimeSpan? Seconds(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            return seconds > 0 && seconds < 1e9 ? TimeSpan.FromSeconds(seconds) : null;
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var time) && time > TimeSpan.Zero ? time : null;
    }
}

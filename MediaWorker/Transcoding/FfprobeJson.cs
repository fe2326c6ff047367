using System.Globalization;
using System.Text.Json;

namespace Realtime.MediaWorker.Transcoding;

/// <summary>Reads the output of <c>ffprobe -print_format json -show_format -show_streams -show_error</c>. Pure.</summary>
public static class FfprobeJson
{
    private static readonly string[] InterlacedFieldOrders = ["tt", "bb", "tb", "bt"];

    /// <summary>The probe, or null when ffprobe reported an error or no format.</summary>
    public static MediaProbe? Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.TryGetProperty("error", out _) || !root.TryGetProperty("format", out var format))
            return null;

        var streams = root.TryGetProperty("streams", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().ToList()
            : [];
        var video = streams.FirstOrDefault(s => Text(s, "codec_type") == "video" && !IsPicture(s));
        var audio = streams.FirstOrDefault(s => Text(s, "codec_type") == "audio");
        var hasVideo = video.ValueKind == JsonValueKind.Object;
        var hasAudio = audio.ValueKind == JsonValueKind.Object;

        var duration = Seconds(format, "duration")
            ?? (hasVideo ? Seconds(video, "duration") : null)
            ?? (hasAudio ? Seconds(audio, "duration") : null);

        return new MediaProbe(
            Container: Text(format, "format_name") ?? "unknown",
            Duration: duration,
            SizeBytes: Long(format, "size") ?? 0,
            BitRate: Long(format, "bit_rate"),
            Video: hasVideo ? ParseVideo(video) : null,
            Audio: hasAudio ? ParseAudio(audio) : null);
    }

    /// <summary>ffprobe's error string (e.g. "Invalid data found when processing input"), or null.</summary>
    public static string? Error(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.TryGetProperty("error", out var error) ? Text(error, "string") : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The largest timestamp in <c>-show_entries packet=pts_time -of csv=p=0</c> output, or null.</summary>
    public static double? LastPacketTime(string csv)
    {
        double? last = null;
        foreach (var line in csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var field = line.Split(',')[0];
            if (double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                last = last is null ? seconds : Math.Max(last.Value, seconds);
        }
        return last;
    }

    private static VideoStreamInfo ParseVideo(JsonElement s)
    {
        var frameRate = Rational.Parse(Text(s, "avg_frame_rate")) is { IsPositive: true } average
            ? average
            : Rational.Parse(Text(s, "r_frame_rate")) is { IsPositive: true } real ? real : Rational.Zero;
        var sar = Rational.Parse(Text(s, "sample_aspect_ratio")) is { IsPositive: true } ratio ? ratio : new Rational(1, 1);
        return new VideoStreamInfo(
            Codec: Text(s, "codec_name") ?? "unknown",
            Width: (int)(Long(s, "width") ?? 0),
            Height: (int)(Long(s, "height") ?? 0),
            Rotation: Rotation(s),
            FrameRate: frameRate,
            BitRate: Long(s, "bit_rate"),
            SampleAspectRatio: sar,
            Interlaced: InterlacedFieldOrders.Contains(Text(s, "field_order")));
    }

    private static AudioStreamInfo ParseAudio(JsonElement s) => new(
        Codec: Text(s, "codec_name") ?? "unknown",
        Channels: (int)(Long(s, "channels") ?? 0),
        SampleRate: (int)(Long(s, "sample_rate") ?? 0),
        BitRate: Long(s, "bit_rate"));

    // Phones write the display matrix as side data; older files carry a "rotate" tag.
    private static int Rotation(JsonElement s)
    {
        double? degrees = null;
        if (s.TryGetProperty("side_data_list", out var sideData) && sideData.ValueKind == JsonValueKind.Array)
            foreach (var item in sideData.EnumerateArray())
                degrees ??= Double(item, "rotation");
        if (degrees is null && s.TryGetProperty("tags", out var tags))
            degrees = Double(tags, "rotate");
        var quarterTurns = (int)Math.Round((degrees ?? 0) / 90.0);
        return (quarterTurns % 4 + 4) % 4 * 90;
    }

    private static bool IsPicture(JsonElement s) =>
        s.TryGetProperty("disposition", out var d)
        && (Long(d, "attached_pic") == 1 || Long(d, "timed_thumbnails") == 1);

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    private static double? Double(JsonElement e, string name) =>
        double.TryParse(Text(e, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static long? Long(JsonElement e, string name) =>
        Double(e, name) is { } value && !double.IsNaN(value) ? (long)value : null;

    private static TimeSpan? Seconds(JsonElement e, string name) =>
        Double(e, name) is { } seconds && seconds > 0 && seconds < 1e9 ? TimeSpan.FromSeconds(seconds) : null;
}

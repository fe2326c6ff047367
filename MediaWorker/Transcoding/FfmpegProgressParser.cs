using System.Globalization;

namespace Realtime.MediaWorker.Transcoding;

/// <summary>
/// Reads ffmpeg's <c>-progress</c> output: blocks of key=value lines, each ended by "progress=continue" or
/// "progress=end". Feed it lines; it returns a <see cref="TranscodeProgress"/> at the end of each block. No I/O.
/// </summary>
public sealed class FfmpegProgressParser(TimeSpan? duration)
{
    private readonly Dictionary<string, string> _block = new(StringComparer.Ordinal);

    /// <summary>Parses a whole recorded output.</summary>
    public static IReadOnlyList<TranscodeProgress> ParseAll(IEnumerable<string> lines, TimeSpan? duration)
    {
        var parser = new FfmpegProgressParser(duration);
        return lines.Select(parser.Add).OfType<TranscodeProgress>().ToList();
    }

    /// <summary>Takes one line; returns the progress when the line ends a block, otherwise null.</summary>
    public TranscodeProgress? Add(string line)
    {
        var equals = line.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
            return null;
        var key = line[..equals].Trim();
        var value = line[(equals + 1)..].Trim();
        if (key != "progress")
        {
            _block[key] = value;
            return null;
        }
        var progress = Build(finished: value == "end");
        _block.Clear();
        return progress;
    }

    private TranscodeProgress Build(bool finished)
    {
        var outTime = OutTime() ?? TimeSpan.Zero;
        var speed = ParseSpeed(Value("speed"));
        var fps = Double(Value("fps"));
        var frame = Double(Value("frame")) is { } f ? (long)f : (long?)null;

        double? percent = null;
        TimeSpan? eta = null;
        if (duration is { TotalSeconds: > 0 } total)
        {
            percent = finished ? 100 : Math.Clamp(outTime / total * 100, 0, 100);
            if (finished)
                eta = TimeSpan.Zero;
            else if (speed is > 0)
                eta = TimeSpan.FromSeconds(Math.Max(0, (total - outTime).TotalSeconds) / speed.Value);
        }
        return new TranscodeProgress(percent, outTime, fps, speed, eta, frame, finished);
    }

    // out_time_ms is in microseconds too (an old ffmpeg misnomer). Before the first packet ffmpeg prints
    // N/A or a huge negative number: treat both as "nothing yet".
    private TimeSpan? OutTime()
    {
        foreach (var key in new[] { "out_time_us", "out_time_ms" })
            if (long.TryParse(Value(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var micros))
                return micros >= 0 ? TimeSpan.FromMicroseconds(micros) : TimeSpan.Zero;
        return ParseClock(Value("out_time"));
    }

    private string? Value(string key) => _block.GetValueOrDefault(key);

    /// <summary>"2.81x" → 2.81; "N/A" → null.</summary>
    public static double? ParseSpeed(string? text) =>
        text is null ? null : Double(text.TrimEnd('x', 'X'));

    /// <summary>"00:01:02.500000" → 62.5 s; negative or malformed → null.</summary>
    public static TimeSpan? ParseClock(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.StartsWith('-'))
            return null;
        var parts = text.Split(':');
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var minutes)
            || !double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            return null;
        return TimeSpan.FromHours(hours) + TimeSpan.FromMinutes(minutes) + TimeSpan.FromSeconds(seconds);
    }

    private static double? Double(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : null;
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Realtime.MediaWorker.Transcoding;

/// <summary>
/// Completes the master playlist ffmpeg 5.1 writes with the tags players use to choose a rendition and that it leaves
/// out: FRAME-RATE and AVERAGE-BANDWIDTH on every variant, CHANNELS on the audio rendition; and BANDWIDTH as the
/// measured peak segment bitrate of the variant plus its audio (RFC 8216 §4.3.4.2), not ffmpeg's estimate from the
/// encoder settings. Pure: the measurements come in as <see cref="RenditionBitrate"/>.
/// </summary>
public static partial class MasterPlaylist
{
    private const string StreamInf = "#EXT-X-STREAM-INF:";
    private const string Media = "#EXT-X-MEDIA:";

    /// <param name="master">ffmpeg's master playlist.</param>
    /// <param name="bitrates">Measured bitrates by media playlist path as the master names it ("720p/index.m3u8").</param>
    /// <param name="frameRate">The constant output rate of the video rungs; null for audio only.</param>
    /// <param name="audioChannels">Channels of the audio rendition.</param>
    public static string Complete(string master, IReadOnlyDictionary<string, RenditionBitrate> bitrates, Rational? frameRate,
        int audioChannels)
    {
        var lines = master.Replace("\r", "", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        var audio = lines.Where(l => l.StartsWith(Media, StringComparison.Ordinal) && l.Contains("TYPE=AUDIO", StringComparison.Ordinal))
            .Select(l => UriAttribute().Match(l).Groups[1].Value)
            .Select(uri => bitrates.GetValueOrDefault(uri))
            .FirstOrDefault(b => b is not null);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith(Media, StringComparison.Ordinal) && lines[i].Contains("TYPE=AUDIO", StringComparison.Ordinal))
                lines[i] = SetAttribute(lines[i], "CHANNELS", $"\"{audioChannels.ToString(CultureInfo.InvariantCulture)}\"");
            else if (lines[i].StartsWith(StreamInf, StringComparison.Ordinal) && i + 1 < lines.Length
                     && bitrates.GetValueOrDefault(lines[i + 1].Trim()) is { } own)
                lines[i] = CompleteVariant(lines[i], own, own == audio ? null : audio, frameRate);
        }
        return string.Join('\n', lines) + "\n";
    }

    private static string CompleteVariant(string line, RenditionBitrate own, RenditionBitrate? audio, Rational? frameRate)
    {
        line = SetAttribute(line, "BANDWIDTH", Bps(own.PeakBitsPerSecond + (audio?.PeakBitsPerSecond ?? 0)));
        line = SetAttribute(line, "AVERAGE-BANDWIDTH", Bps(own.AverageBitsPerSecond + (audio?.AverageBitsPerSecond ?? 0)));
        if (frameRate is { IsPositive: true } rate && line.Contains("RESOLUTION=", StringComparison.Ordinal))
            line = SetAttribute(line, "FRAME-RATE", rate.Value.ToString("0.000", CultureInfo.InvariantCulture));
        return line;
    }

    /// <summary>Replaces the attribute's value, or appends it.</summary>
    public static string SetAttribute(string tagLine, string name, string value)
    {
        var colon = tagLine.IndexOf(':', StringComparison.Ordinal);
        var head = tagLine[..(colon + 1)];
        var attributes = AttributePair().Matches(tagLine[(colon + 1)..]).Select(m => (Name: m.Groups[1].Value, Value: m.Groups[2].Value)).ToList();
        var index = attributes.FindIndex(a => a.Name == name);
        if (index >= 0)
            attributes[index] = (name, value);
        else
            attributes.Add((name, value));
        return head + string.Join(',', attributes.Select(a => $"{a.Name}={a.Value}"));
    }

    private static string Bps(double bitsPerSecond) =>
        ((long)Math.Ceiling(bitsPerSecond)).ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("URI=\"([^\"]+)\"")]
    private static partial Regex UriAttribute();

    [GeneratedRegex("([A-Z0-9-]+)=(\"[^\"]*\"|[^,]*)")]
    private static partial Regex AttributePair();
}

/// <summary>Measured bitrates of one media playlist: its largest segment and its whole length (init section included).</summary>
public sealed record RenditionBitrate(double PeakBitsPerSecond, double AverageBitsPerSecond)
{
    /// <summary>Measures a media playlist of <paramref name="folder"/> from its EXTINF durations and the sizes on disk.</summary>
    public static RenditionBitrate? Measure(string folder, string playlistPath)
    {
        var path = Path.Combine(folder, playlistPath);
        if (!File.Exists(path))
            return null;
        var directory = Path.GetDirectoryName(path)!;
        var text = File.ReadAllText(path);
        var segments = HlsPlaylist.Segments(text);
        if (segments.Count == 0)
            return null;
        var init = HlsPlaylist.References(text).Except(segments.Select(s => s.Uri)).Sum(f => Size(directory, f));
        var sized = segments.Select(s => (s.Duration, Bytes: Size(directory, s.Uri))).ToList();
        var total = sized.Sum(s => s.Duration);
        var peak = sized.Where(s => s.Duration > 0).Select(s => s.Bytes * 8 / s.Duration).DefaultIfEmpty(0).Max();
        return new RenditionBitrate(peak, total > 0 ? (sized.Sum(s => s.Bytes) + init) * 8 / total : 0);
    }

    private static double Size(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        return File.Exists(path) ? new FileInfo(path).Length : 0;
    }
}

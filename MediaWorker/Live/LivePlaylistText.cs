using System.Globalization;

namespace Realtime.MediaWorker.Live;

/// <summary>One segment of a media playlist: its reference, its EXTINF duration text and its PROGRAM-DATE-TIME text.</summary>
public sealed record LiveSegment(string Uri, string Duration, string? DateTime)
{
    public double Seconds => double.TryParse(Duration, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : 0;

    public DateTimeOffset? At => DateTime is not null && DateTimeOffset.TryParse(DateTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
        ? at : null;
}

/// <summary>Reads the segments of an HLS media playlist (ffmpeg's local one, or a published one). Pure.</summary>
public static class LivePlaylistText
{
    public static IReadOnlyList<LiveSegment> Segments(string text)
    {
        var segments = new List<LiveSegment>();
        string? duration = null, at = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("#EXTINF:", StringComparison.Ordinal))
                duration = line["#EXTINF:".Length..].TrimEnd(',').Split(',')[0];
            else if (line.StartsWith("#EXT-X-PROGRAM-DATE-TIME:", StringComparison.Ordinal))
                at = line["#EXT-X-PROGRAM-DATE-TIME:".Length..];
            else if (line.Length > 0 && !line.StartsWith('#') && duration is not null)
            {
                segments.Add(new LiveSegment(line, duration, at));
                (duration, at) = (null, null);
            }
        }
        return segments;
    }
}

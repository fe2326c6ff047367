namespace Realtime.MediaWorker.Transcoding;

/// <summary>Reads and finishes the playlists ffmpeg writes. Pure.</summary>
public static class HlsPlaylist
{
    private const string EventType = "#EXT-X-PLAYLIST-TYPE:EVENT";
    private const string VodType = "#EXT-X-PLAYLIST-TYPE:VOD";
    private const string EndList = "#EXT-X-ENDLIST";

    /// <summary>
    /// The files a playlist refers to, relative to its folder, in order: for a media playlist the init section
    /// (EXT-X-MAP) and the segments; for a master playlist the variant and rendition playlists.
    /// </summary>
    public static IReadOnlyList<string> References(string text)
    {
        var found = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
                continue;
            if (!line.StartsWith('#'))
                found.Add(line);
            else if (UriAttribute(line) is { } uri)
                found.Add(uri);
        }
        return found.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The segments of a media playlist with their EXTINF durations, in order.</summary>
    public static IReadOnlyList<(string Uri, double Duration)> Segments(string text)
    {
        var found = new List<(string, double)>();
        double? duration = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("#EXTINF:", StringComparison.Ordinal))
                duration = double.TryParse(line["#EXTINF:".Length..].Split(',')[0], System.Globalization.NumberStyles.Float,
                    System.Globalization.CultureInfo.InvariantCulture, out var seconds) ? seconds : 0;
            else if (line.Length > 0 && !line.StartsWith('#'))
            {
                found.Add((line, duration ?? 0));
                duration = null;
            }
        }
        return found;
    }

    /// <summary>True when a media playlist lists at least one segment (not only its init section).</summary>
    public static bool HasSegment(string text) =>
        text.Split('\n').Any(l => l.Trim() is { Length: > 0 } line && !line.StartsWith('#'));

    /// <summary>
    /// The finished form of an EVENT playlist: type VOD and an end tag. A VOD playlist lets players show the whole
    /// duration and seek anywhere, and never reload it. Playlists without a type (the master) are left as they are.
    /// </summary>
    public static string ToVod(string text)
    {
        if (!text.Contains(EventType, StringComparison.Ordinal))
            return text;
        var vod = text.Replace(EventType, VodType, StringComparison.Ordinal).TrimEnd('\n', '\r');
        return (vod.EndsWith(EndList, StringComparison.Ordinal) ? vod : vod + "\n" + EndList) + "\n";
    }

    private static string? UriAttribute(string tag)
    {
        const string key = "URI=\"";
        var start = tag.IndexOf(key, StringComparison.Ordinal);
        if (start < 0)
            return null;
        start += key.Length;
        var end = tag.IndexOf('"', start);
        return end > start ? tag[start..end] : null;
    }
}

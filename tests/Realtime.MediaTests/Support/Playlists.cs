using System.Globalization;
using System.Text.RegularExpressions;

namespace Realtime.MediaTests.Support;

/// <summary>Reads what a player reads in HLS playlists.</summary>
public static partial class Playlists
{
    /// <summary>The EXTINF durations of a media playlist.</summary>
    public static double[] SegmentDurations(string playlist) =>
        ExtInf().Matches(playlist).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>The segment URIs of a media playlist, in order.</summary>
    public static string[] Segments(string playlist) =>
        playlist.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();

    /// <summary>The init segment named by EXT-X-MAP.</summary>
    public static string InitSegment(string playlist) => MapUri().Match(playlist).Groups[1].Value;

    /// <summary>Attributes of each #EXT-X-STREAM-INF line of a master playlist.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Variants(string master) =>
        master.Split('\n').Where(l => l.StartsWith("#EXT-X-STREAM-INF:", StringComparison.Ordinal))
            .Select(l => Attributes(l["#EXT-X-STREAM-INF:".Length..])).ToList();

    /// <summary>Attributes of each #EXT-X-MEDIA line.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Media(string master) =>
        master.Split('\n').Where(l => l.StartsWith("#EXT-X-MEDIA:", StringComparison.Ordinal))
            .Select(l => Attributes(l["#EXT-X-MEDIA:".Length..])).ToList();

    /// <summary>Joins the init segment and every media segment: an fMP4 rendition as one playable file.</summary>
    public static async Task<string> ConcatenateAsync(string folder, string target)
    {
        var playlist = await File.ReadAllTextAsync(Path.Combine(folder, "index.m3u8"));
        await using var output = File.Create(target);
        foreach (var part in Segments(playlist).Prepend(InitSegment(playlist)))
        {
            await using var input = File.OpenRead(Path.Combine(folder, part));
            await input.CopyToAsync(output);
        }
        return target;
    }

    private static Dictionary<string, string> Attributes(string list) =>
        AttributePair().Matches(list).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim('"'));

    [GeneratedRegex(@"#EXTINF:([0-9.]+),")]
    private static partial Regex ExtInf();

    [GeneratedRegex("#EXT-X-MAP:URI=\"([^\"]+)\"")]
    private static partial Regex MapUri();

    [GeneratedRegex("([A-Z0-9-]+)=(\"[^\"]*\"|[^,]*)")]
    private static partial Regex AttributePair();
}

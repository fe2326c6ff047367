using System.Text;
using System.Text.RegularExpressions;

namespace Realtime.LiveApi.Media;

/// <summary>
/// Rewrites the references inside an HLS playlist or a WebVTT storyboard so that each one is an absolute path on
/// LiveApi (/media/{job}/…). Players resolve relative references against the URL they finally fetched; after a redirect
/// to a SAS URL that base has no token, so relative references would fail. With absolute paths every segment request
/// comes back to LiveApi and is redirected to a fresh short-lived SAS URL.
/// </summary>
public static partial class PlaylistRewriter
{
    public static string Rewrite(string text, string jobId, string playlistPath)
    {
        var directory = playlistPath.Contains('/') ? playlistPath[..playlistPath.LastIndexOf('/')] : "";
        var isVtt = playlistPath.EndsWith(".vtt", StringComparison.OrdinalIgnoreCase);
        var output = new StringBuilder(text.Length + 256);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (isVtt)
                output.Append(IsVttReference(line) ? Absolute(jobId, directory, line) : line);
            else if (line.Length == 0)
                output.Append(line);
            else if (line.StartsWith('#'))
                output.Append(UriAttribute().Replace(line, m => $"URI=\"{Absolute(jobId, directory, m.Groups[1].Value)}\""));
            else
                output.Append(Absolute(jobId, directory, line));
            output.Append('\n');
        }
        return output.ToString().TrimEnd('\n') + "\n";
    }

    private static bool IsVttReference(string line) =>
        line.Length > 0 && !line.Contains("-->", StringComparison.Ordinal) && !line.StartsWith("WEBVTT", StringComparison.Ordinal)
        && (line.Contains(".jpg", StringComparison.OrdinalIgnoreCase) || line.Contains(".png", StringComparison.OrdinalIgnoreCase));

    /// <summary>"/media/{job}/{dir}/{reference}" with "." and ".." resolved; absolute URLs are left alone.</summary>
    public static string Absolute(string jobId, string directory, string reference)
    {
        if (reference.Contains("://", StringComparison.Ordinal) || reference.StartsWith('/'))
            return reference;
        var fragment = "";
        var hash = reference.IndexOf('#');
        if (hash >= 0)
        {
            fragment = reference[hash..];
            reference = reference[..hash];
        }
        var parts = new List<string>(directory.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var part in reference.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                    parts.RemoveAt(parts.Count - 1);
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }
        return $"/media/{jobId}/{string.Join('/', parts)}{fragment}";
    }

    [GeneratedRegex("URI=\"([^\"]+)\"")]
    private static partial Regex UriAttribute();
}

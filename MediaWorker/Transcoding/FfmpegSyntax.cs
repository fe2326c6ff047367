using System.Globalization;
using System.Text;

namespace Realtime.MediaWorker.Transcoding;

/// <summary>ffmpeg's own quoting rules, for values nested inside other option strings. Pure.</summary>
public static class FfmpegSyntax
{
    /// <summary>Backslash-escapes <paramref name="specials"/>, backslashes and quotes (ffmpeg's av_get_token rules).</summary>
    public static string Escape(string value, string specials)
    {
        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (c is '\\' or '\'' || specials.Contains(c))
                builder.Append('\\');
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>One output of the tee muxer: "[key=value:…]target", each value escaped for the option level.</summary>
    public static string TeeSlave(IEnumerable<KeyValuePair<string, string>> options, string target) =>
        "[" + string.Join(':', options.Select(o => $"{o.Key}={Escape(o.Value, ":]|")}")) + "]" + target;

    /// <summary>The tee muxer's target: slaves joined by '|', each escaped once more for the outer split.</summary>
    public static string Tee(IEnumerable<string> slaves) => string.Join('|', slaves.Select(s => Escape(s, "|")));

    /// <summary>A number as ffmpeg reads it, whatever the machine's culture.</summary>
    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>kbit/s as ffmpeg's "2800k".</summary>
    public static string Kbps(int value) => Number(value) + "k";

    /// <summary>A local path as an ffmpeg input that is never mistaken for a protocol ("a:b.mp4").</summary>
    public static string InputFile(string path) => "file:" + Path.GetFullPath(path);
}

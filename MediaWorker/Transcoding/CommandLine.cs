using System.Text;

namespace Realtime.MediaWorker.Transcoding;

/// <summary>
/// FFMpegCore hands ffmpeg one argument string, which .NET splits again by the Windows rules (also on Linux): the
/// argument builders produce lists, and this quotes each item so that the split gives back exactly that list —
/// whatever spaces, quotes and backslashes a filter graph, a tee target or a path holds. Pure.
/// </summary>
public static class CommandLine
{
    public static string Join(IEnumerable<string> arguments)
    {
        var text = new StringBuilder();
        foreach (var argument in arguments)
        {
            if (text.Length > 0)
                text.Append(' ');
            Append(text, argument);
        }
        return text.ToString();
    }

    private static void Append(StringBuilder text, string argument)
    {
        if (argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c == '"'))
        {
            text.Append(argument);
            return;
        }
        text.Append('"');
        for (var i = 0; i < argument.Length;)
        {
            var c = argument[i++];
            if (c == '\\')
            {
                var backslashes = 1;
                while (i < argument.Length && argument[i] == '\\')
                {
                    i++;
                    backslashes++;
                }
                // Backslashes are literal unless a quote follows: then each is doubled, and the quote escaped.
                if (i == argument.Length)
                    text.Append('\\', backslashes * 2);
                else if (argument[i] == '"')
                {
                    text.Append('\\', backslashes * 2 + 1).Append('"');
                    i++;
                }
                else
                    text.Append('\\', backslashes);
            }
            else if (c == '"')
                text.Append('\\').Append('"');
            else
                text.Append(c);
        }
        text.Append('"');
    }
}

using System.Globalization;
using System.Text;
using Realtime.Contracts.Questions;

namespace Realtime.LiveApi.Media;

/// <summary>
/// Captions for deaf viewers from what the desk knows: a WebVTT track with one cue per question put on air, shown from
/// when it went on air until it was answered (at least a few seconds, never into the next question), so a replay says
/// which question is being answered. Pure: a timeline in, the file's text out.
/// </summary>
public static class CaptionTrack
{
    /// <summary>The shortest a cue stays on screen, so a question answered at once can still be read.</summary>
    public const double MinimumSeconds = 3;

    public static string Build(IReadOnlyList<TimelineEntry> timeline, double? durationSeconds)
    {
        var entries = timeline.OrderBy(e => e.OnAirSeconds).ToList();
        var vtt = new StringBuilder("WEBVTT\n\n");
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            double? next = i + 1 < entries.Count ? entries[i + 1].OnAirSeconds : durationSeconds;
            var end = Math.Max(entry.AnsweredSeconds ?? next ?? entry.OnAirSeconds, entry.OnAirSeconds + MinimumSeconds);
            if (next is { } limit && limit > entry.OnAirSeconds)
                end = Math.Min(end, limit);
            var department = DeskCatalogue.FindDepartment(entry.Department)?.Name;
            vtt.Append(CultureInfo.InvariantCulture, $"q{entry.QuestionId}\n{Time(entry.OnAirSeconds)} --> {Time(end)}\n");
            vtt.Append(CultureInfo.InvariantCulture, $"正在解答：{Escape(entry.Text)}\n");
            if (department is not null)
                vtt.Append(CultureInfo.InvariantCulture, $"（{Escape(department)}解答）\n");
            vtt.Append('\n');
        }
        return vtt.ToString();
    }

    private static string Time(double seconds) =>
        TimeSpan.FromMilliseconds(Math.Round(Math.Max(0, seconds) * 1000)).ToString(@"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);

    /// <summary>Cue text is markup in WebVTT, and a blank line would end the cue: escape it and keep it on one line.</summary>
    private static string Escape(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}

using System.Globalization;
using System.Text;

namespace Realtime.MediaWorker.Transcoding;

/// <summary>
/// The WebVTT map of the storyboard: for each interval, the sprite sheet and the rectangle of its thumbnail
/// ("sprite-2.jpg#xywh=160,90,160,90"), as players such as Video.js and hls.js plugins read it. Pure.
/// </summary>
public static class StoryboardVtt
{
    public static string Write(StoryboardPlan board, TimeSpan duration)
    {
        var text = new StringBuilder("WEBVTT\n");
        for (var i = 0; i < board.ThumbnailCount; i++)
        {
            var start = TimeSpan.FromSeconds((double)i * board.IntervalSeconds);
            if (start >= duration && i > 0)
                break;
            var end = i == board.ThumbnailCount - 1 ? duration : TimeSpan.FromSeconds((double)(i + 1) * board.IntervalSeconds);
            if (end > duration)
                end = duration;
            var sheet = i / board.PerSheet + 1;
            var cell = i % board.PerSheet;
            var x = cell % board.Columns * board.ThumbnailWidth;
            var y = cell / board.Columns * board.ThumbnailHeight;
            text.Append('\n')
                .Append(Time(start)).Append(" --> ").Append(Time(end)).Append('\n')
                .Append(CultureInfo.InvariantCulture,
                    $"{OutputLayout.SpriteFile(sheet)}#xywh={x},{y},{board.ThumbnailWidth},{board.ThumbnailHeight}\n");
        }
        return text.ToString();
    }

    private static string Time(TimeSpan t) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours:00}:{t.Minutes:00}:{t.Seconds:00}.{t.Milliseconds:000}");
}

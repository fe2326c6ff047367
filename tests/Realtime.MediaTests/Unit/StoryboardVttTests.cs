using Realtime.MediaWorker.Transcoding;

namespace Realtime.MediaTests.Unit;

public sealed class StoryboardVttTests
{
    private static StoryboardPlan Board(int interval, double seconds) =>
        new(interval, 160, 90, 10, 10, Math.Max(1, (int)Math.Floor(seconds / interval)));

    private static string[] Cues(string vtt) => vtt.Split("\n\n")[1..];

    [Fact]
    public void Write_12SecondsEvery2_SixCuesAcrossTheFirstRow()
    {
        var vtt = StoryboardVtt.Write(Board(2, 12), TimeSpan.FromSeconds(12));

        Assert.StartsWith("WEBVTT\n\n", vtt);
        var cues = Cues(vtt);
        Assert.Equal(6, cues.Length);
        Assert.Equal("00:00:00.000 --> 00:00:02.000\nsprite-1.jpg#xywh=0,0,160,90", cues[0]);
        Assert.Equal("00:00:02.000 --> 00:00:04.000\nsprite-1.jpg#xywh=160,0,160,90", cues[1]);
        Assert.Equal("00:00:10.000 --> 00:00:12.000\nsprite-1.jpg#xywh=800,0,160,90\n", cues[5]);
    }

    [Fact]
    public void Write_TwoHoursEvery10_RowsThenSheets()
    {
        var cues = Cues(StoryboardVtt.Write(Board(10, 7200), TimeSpan.FromHours(2)));

        Assert.Equal(720, cues.Length);
        Assert.EndsWith("sprite-1.jpg#xywh=160,90,160,90", cues[11]);
        Assert.Equal("00:16:40.000 --> 00:16:50.000\nsprite-2.jpg#xywh=0,0,160,90", cues[100]);
        Assert.Equal("01:59:50.000 --> 02:00:00.000\nsprite-8.jpg#xywh=1440,90,160,90\n", cues[719]);
    }

    [Fact]
    public void Write_DurationNotAMultiple_LastThumbnailCoversTheRest()
    {
        // ffmpeg's fps filter makes no frame for a trailing part-interval: no cue may point at an empty cell.
        var cues = Cues(StoryboardVtt.Write(Board(2, 12.5), TimeSpan.FromSeconds(12.5)));

        Assert.Equal(6, cues.Length);
        Assert.Equal("00:00:10.000 --> 00:00:12.500\nsprite-1.jpg#xywh=800,0,160,90\n", cues[5]);
    }
}

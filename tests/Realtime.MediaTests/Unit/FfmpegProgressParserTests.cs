using Realtime.MediaTests.Support;
using Realtime.MediaWorker.Transcoding;

namespace Realtime.MediaTests.Unit;

public sealed class FfmpegProgressParserTests
{
    private static readonly TimeSpan Twelve = TimeSpan.FromSeconds(12);

    private static IReadOnlyList<TranscodeProgress> Recorded() =>
        FfmpegProgressParser.ParseAll(TestData.Lines("progress-ladder-720p-12s.txt"), Twelve);

    [Fact]
    public void ParseAll_RecordedLadderRun_OneReportPerBlockRisingTo100()
    {
        var reports = Recorded();

        Assert.Equal(14, reports.Count);
        Assert.Equal(reports.Select(r => r.Percent), reports.Select(r => r.Percent).Order());
        Assert.True(reports[^1].Finished);
        Assert.Equal(100, reports[^1].Percent);
        Assert.All(reports.SkipLast(1), r => Assert.False(r.Finished));
    }

    [Fact]
    public void ParseAll_RecordedLadderRun_MidwayPercentFpsSpeedAndEta()
    {
        var fifth = Recorded()[5];

        Assert.Equal(TimeSpan.FromSeconds(4.992), fifth.OutTime);
        Assert.Equal(41.6, fifth.Percent!.Value, 1);
        Assert.Equal(123, fifth.Frame);
        Assert.Equal(1.92, fifth.Speed);
        Assert.NotNull(fifth.Fps);
        Assert.Equal((12 - 4.992) / 1.92, fifth.Eta!.Value.TotalSeconds, 2);
    }

    [Fact]
    public void ParseAll_RecordedLadderRun_EtaZeroAtTheEnd() => Assert.Equal(TimeSpan.Zero, Recorded()[^1].Eta);

    [Fact]
    public void Add_BeforeTheFirstPacket_NothingDoneAndNoEta()
    {
        var report = FfmpegProgressParser.ParseAll(
        [
            "frame=0", "fps=0.00", "bitrate=N/A", "total_size=N/A",
            "out_time_us=-9223372036854775807", "out_time_ms=-9223372036854775807", "out_time=-2562047:47:16.854775",
            "speed=N/A", "progress=continue",
        ], Twelve).Single();

        Assert.Equal(TimeSpan.Zero, report.OutTime);
        Assert.Equal(0, report.Percent);
        Assert.Null(report.Speed);
        Assert.Null(report.Eta);
    }

    [Fact]
    public void Add_OnlyTheClockForm_Read() =>
        Assert.Equal(TimeSpan.FromSeconds(62.5),
            FfmpegProgressParser.ParseAll(["out_time=00:01:02.500000", "progress=continue"], null).Single().OutTime);

    [Fact]
    public void Add_SpeedWithPadding_Read() =>
        Assert.Equal(29, FfmpegProgressParser.ParseAll(["speed=  29x", "progress=continue"], Twelve).Single().Speed);

    [Fact]
    public void Add_UnknownDuration_NoPercentOrEta()
    {
        var report = FfmpegProgressParser.ParseAll(["out_time_us=5000000", "speed=2x", "progress=continue"], null).Single();

        Assert.Null(report.Percent);
        Assert.Null(report.Eta);
    }

    [Fact]
    public void Add_OutTimeBeyondTheDuration_CappedAt100() =>
        Assert.Equal(100, FfmpegProgressParser.ParseAll(["out_time_us=1000000000", "progress=continue"], Twelve).Single().Percent);

    [Fact]
    public void Add_LineInsideABlock_NoReportYet() =>
        Assert.Null(new FfmpegProgressParser(Twelve).Add("out_time_us=1000"));
}

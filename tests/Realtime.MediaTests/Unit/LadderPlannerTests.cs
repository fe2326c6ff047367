using Realtime.MediaTests.Support;
using Realtime.MediaWorker.Transcoding;

namespace Realtime.MediaTests.Unit;

public sealed class LadderPlannerTests
{
    private static TranscodePlan Plan(VideoStreamInfo video, TranscodeOptions? options = null) =>
        LadderPlanner.Plan(Samples.Probe(video, Samples.Audio()), ProgrammeKind.Video, options ?? Samples.Options());

    private static (int Width, int Height)[] Sizes(TranscodePlan plan) =>
        plan.Video!.Rungs.Select(r => (r.Width, r.Height)).ToArray();

    [Fact]
    public void Plan_1080pSource_FourRungsHighestFirst() =>
        Assert.Equal([(1920, 1080), (1280, 720), (854, 480), (640, 360)], Sizes(Plan(Samples.Video(1920, 1080))));

    [Fact]
    public void Plan_720pSource_NoRungAboveTheSource() =>
        Assert.Equal([(1280, 720), (854, 480), (640, 360)], Sizes(Plan(Samples.Video(1280, 720))));

    [Fact]
    public void Plan_4KSource_TopsOutAt1080p() =>
        Assert.Equal(1080, Plan(Samples.Video(3840, 2160)).Video!.Rungs[0].Height);

    [Fact]
    public void Plan_400pSource_Only360p() => Assert.Equal([(640, 360)], Sizes(Plan(Samples.Video(712, 400))));

    [Fact]
    public void Plan_240pSource_OneRungAtTheSourceSize() => Assert.Equal([(426, 240)], Sizes(Plan(Samples.Video(426, 240))));

    [Fact]
    public void Plan_OddSmallSource_EvenSizesNotAboveTheSource()
    {
        var rung = Assert.Single(Plan(Samples.Video(300, 227)).Video!.Rungs);

        Assert.Equal(226, rung.Height);
        Assert.Equal(0, rung.Width % 2);
    }

    [Fact]
    public void Plan_NamesAreFoldersAndVariantNames() =>
        Assert.Equal(["1080p", "720p", "480p", "360p"], Plan(Samples.Video()).Video!.Rungs.Select(r => r.Name));

    [Fact]
    public void Plan_RichSource_DefaultBitratesWithPeakAndBuffer()
    {
        var rungs = Plan(Samples.Video(bitRate: 20_000_000)).Video!.Rungs;

        Assert.Equal([5000, 2800, 1400, 800], rungs.Select(r => r.BitrateKbps));
        Assert.Equal((3080, 5600), (rungs[1].MaxRateKbps, rungs[1].BufferKbps));
    }

    [Fact]
    public void Plan_2MbpsSource_NoRungAboveTheSourceAndTheLadderKeepsItsShape() =>
        Assert.Equal([2000, 1120, 560, 320], Plan(Samples.Video(bitRate: 2_000_000)).Video!.Rungs.Select(r => r.BitrateKbps));

    [Fact]
    public void Plan_2100kbps720pSource_TopRungAtTheSourcesBitrateNotAbove() =>
        Assert.Equal(2100, Plan(Samples.Video(1280, 720, bitRate: 2_100_000)).Video!.Rungs[0].BitrateKbps);

    [Fact]
    public void Plan_PortraitPhoneClip_RungsByTheShortSide() =>
        Assert.Equal([(1080, 1920), (720, 1280), (480, 854), (360, 640)], Sizes(Plan(Samples.Video(1080, 1920))));

    [Fact]
    public void Plan_PortraitRungs_NamedByTheShortSide() =>
        Assert.Equal(["720p", "480p", "360p"], Plan(Samples.Video(720, 1280)).Video!.Rungs.Select(r => r.Name));

    [Fact]
    public void Plan_LandscapeStoredPhoneClipRotated90_UprightPortraitRungs() =>
        Assert.Equal([(720, 1280), (480, 854), (360, 640)], Sizes(Plan(Samples.Video(1280, 720, rotation: 90))));

    [Fact]
    public void Plan_PortraitClip_StoryboardThumbnailsNoTallerThanTheWidthSetting()
    {
        var board = Plan(Samples.Video(1080, 1920)).Video!.Storyboard!;

        Assert.Equal((90, 160), (board.ThumbnailWidth, board.ThumbnailHeight));
    }

    [Theory]
    [InlineData(22.56, 24, 48)]
    [InlineData(29.97, 30000.0 / 1001, 60)]
    [InlineData(30, 30, 60)]
    [InlineData(12.5, 12, 24)]
    [InlineData(59.94, 60000.0 / 1001, 120)]
    public void Plan_OddOrStandardRate_ConstantStandardRateAndWholeTwoSecondGops(double source, double output, int gop)
    {
        var video = Plan(Samples.Video(fps: source)).Video!;

        Assert.Equal(output, video.FrameRate.Value, 6);
        Assert.Equal(gop, video.KeyframeInterval);
    }

    [Fact]
    public void Plan_NoStreamBitrate_CapsWithTheFilesBitrateMinusTheAudio()
    {
        var probe = Samples.Probe(Samples.Video(bitRate: null), Samples.Audio()) with { BitRate = 1_128_000 };

        var plan = LadderPlanner.Plan(probe, ProgrammeKind.Video, Samples.Options());

        // 1,128 kbit/s in all less 128 of audio: the ladder is scaled to the 1,000 kbit/s the video has.
        Assert.Equal([1000, 560, 280, 160], plan.Video!.Rungs.Select(r => r.BitrateKbps));
    }

    [Fact]
    public void Plan_UnknownBitrates_DefaultBitrates() =>
        Assert.Equal(5000, LadderPlanner.Plan(Samples.Probe(Samples.Video(bitRate: null), Samples.Audio()) with { BitRate = null },
            ProgrammeKind.Video, Samples.Options()).Video!.Rungs[0].BitrateKbps);

    [Theory]
    [InlineData(25, 50)]
    [InlineData(29.97, 60)]
    [InlineData(23.976, 48)]
    [InlineData(30, 60)]
    [InlineData(50, 100)]
    [InlineData(60, 120)]
    public void Plan_FrameRate_KeyframeEveryTwoSecondsOfFrames(double fps, int interval) =>
        Assert.Equal(interval, Plan(Samples.Video(fps: fps)).Video!.KeyframeInterval);

    [Fact]
    public void Plan_KeyframeIntervalOption_Followed() =>
        Assert.Equal(25, Plan(Samples.Video(fps: 25), new TranscodeOptions { KeyframeIntervalSeconds = 1 }).Video!.KeyframeInterval);

    [Fact]
    public void Plan_120fpsPhoneClip_OutputHalvedTo60WithTwoSecondKeyframes()
    {
        var video = Plan(Samples.Video(fps: 120)).Video!;

        Assert.Equal(60, video.FrameRate.Value);
        Assert.Equal(120, video.KeyframeInterval);
    }

    [Fact]
    public void Plan_NtscSource_KeepsTheExactRate() =>
        Assert.Equal("30000/1001", Plan(Samples.Video(fps: 29.97)).Video!.FrameRate.ToString());

    [Fact]
    public void Plan_PortraitStoredRotatedToLandscape_LadderFromTheDisplayedSize() =>
        Assert.Equal([(1280, 720), (854, 480), (640, 360)], Sizes(Plan(Samples.Video(720, 1280, rotation: 90))));

    [Fact]
    public void Plan_AnamorphicPalBroadcast_WidescreenRungs()
    {
        var video = Samples.Video(720, 576) with { SampleAspectRatio = new Rational(64, 45), Interlaced = true };

        var plan = Plan(video).Video!;

        Assert.Equal([(854, 480), (640, 360)], plan.Rungs.Select(r => (r.Width, r.Height)));
        Assert.True(plan.Deinterlace);
    }

    [Fact]
    public void Plan_Download_The720pRung() => Assert.Equal("720p", Plan(Samples.Video()).Video!.DownloadRung!.Name);

    [Fact]
    public void Plan_DownloadOfA360pSource_The360pRung() =>
        Assert.Equal("360p", Plan(Samples.Video(640, 360)).Video!.DownloadRung!.Name);

    [Fact]
    public void Plan_DownloadOff_NoDownloadRung() =>
        Assert.Null(Plan(Samples.Video(), new TranscodeOptions { Download = false }).Video!.DownloadRung);

    [Fact]
    public void Plan_TenMinutes_PosterAtOneMinuteIn720p()
    {
        var poster = Plan(Samples.Video()).Video!.Poster!;

        Assert.Equal(TimeSpan.FromMinutes(1), poster.At);
        Assert.Equal((1280, 720), (poster.Width, poster.Height));
    }

    [Fact]
    public void Plan_TenMinutes_SixtyThumbnailsOnOneSheet()
    {
        var board = Plan(Samples.Video()).Video!.Storyboard!;

        Assert.Equal((160, 90, 10, 10), (board.ThumbnailWidth, board.ThumbnailHeight, board.Columns, board.Rows));
        Assert.Equal(60, board.ThumbnailCount);
        Assert.Equal(1, board.SheetCount);
    }

    [Fact]
    public void Plan_TwoHours_EightSpriteSheets() =>
        Assert.Equal(8, LadderPlanner.Plan(Samples.Probe(Samples.Video(), Samples.Audio(), seconds: 7200),
            ProgrammeKind.Video, Samples.Options()).Video!.Storyboard!.SheetCount);

    [Fact]
    public void Plan_Radio_AudioOnly96kStereo48k()
    {
        var plan = LadderPlanner.Plan(Samples.Probe(null, Samples.Audio()), ProgrammeKind.Radio, Samples.Options());

        Assert.Null(plan.Video);
        Assert.Equal(new AudioPlan(96, 48_000, 2), plan.Audio);
    }

    [Fact]
    public void Plan_RadioFromAVideoFile_StillNoVideo() =>
        Assert.Null(LadderPlanner.Plan(Samples.Probe(Samples.Video(), Samples.Audio()), ProgrammeKind.Radio, Samples.Options()).Video);
}

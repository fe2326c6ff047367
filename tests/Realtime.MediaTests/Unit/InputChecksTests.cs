using Realtime.MediaTests.Support;
using Realtime.MediaWorker.Transcoding;

namespace Realtime.MediaTests.Unit;

public sealed class InputChecksTests
{
    private static readonly TranscodeOptions Options = Samples.Options();

    private static IReadOnlyList<FailureReason> Check(MediaProbe probe, ProgrammeKind kind = ProgrammeKind.Video) =>
        InputChecks.Check(Samples.Report(probe), kind, Options);

    private static string Code(IReadOnlyList<FailureReason> reasons) => Assert.Single(reasons).Code;

    [Fact]
    public void Check_GoodLandscapeRecording_NoRefusal() =>
        Assert.Empty(Check(Samples.Probe(Samples.Video(), Samples.Audio())));

    [Fact]
    public void Check_ZeroBytes_EmptyFileSaysUploadIncomplete()
    {
        var reasons = InputChecks.Check(new ProbeReport(0, null, null, false), ProgrammeKind.Video, Options);

        Assert.Equal("empty_file", Code(reasons));
        Assert.Contains("文件是空的", reasons[0].Message);
    }

    [Fact]
    public void Check_UnreadableWithoutMediaHeader_NotMedia()
    {
        var reasons = InputChecks.Check(new ProbeReport(42, null, "Invalid data found", false), ProgrammeKind.Video, Options);

        Assert.Equal("not_media", Code(reasons));
        Assert.Contains("这不是音视频文件", reasons[0].Message);
    }

    [Fact]
    public void Check_UnreadableWithMp4Header_Truncated() =>
        Assert.Equal("truncated", Code(InputChecks.Check(
            new ProbeReport(4_900_000, null, "moov atom not found", true), ProgrammeKind.Video, Options)));

    [Fact]
    public void Check_LastSecondsUnreadable_Truncated()
    {
        var probe = Samples.Probe(Samples.Video(), Samples.Audio());

        Assert.Equal("truncated", Code(InputChecks.Check(
            new ProbeReport(probe.SizeBytes, probe, null, true, EndReadable: false), ProgrammeKind.Video, Options)));
    }

    [Fact]
    public void Check_NoDuration_Truncated() =>
        Assert.Equal("truncated", Code(Check(Samples.Probe(Samples.Video(), Samples.Audio()) with { Duration = null })));

    [Fact]
    public void Check_PhotoRenamedMp4_StillImage() =>
        Assert.Equal("still_image", Code(Check(Samples.Probe(Samples.Video(), null) with { Container = "jpeg_pipe", Duration = null })));

    [Fact]
    public void Check_OneFrameVideoWithSound_SingleFrame()
    {
        var reasons = Check(Samples.Probe(Samples.Video() with { FrameCount = 1 }, Samples.Audio(), seconds: 10));

        Assert.Equal("single_frame", Code(reasons));
        Assert.Contains("只有一帧画面", reasons[0].Message);
    }

    [Fact]
    public void Check_VideoWithoutSound_NoAudioAsksForARecordingWithSound()
    {
        var reasons = Check(Samples.Probe(Samples.Video(), null));

        Assert.Equal("no_audio", Code(reasons));
        Assert.Equal("录像没有音轨（no_audio）：请上传带声音的录像。", reasons[0].Message);
    }

    [Fact]
    public void Check_VideoProgrammeFromAudioFile_NoVideoSuggestsRadio()
    {
        var reasons = Check(Samples.Probe(null, Samples.Audio()));

        Assert.Equal("no_video", Code(reasons));
        Assert.Contains("广播", reasons[0].Message);
    }

    [Fact]
    public void Check_RadioProgrammeFromAudioFile_Accepted() =>
        Assert.Empty(Check(Samples.Probe(null, Samples.Audio()), ProgrammeKind.Radio));

    [Fact]
    public void Check_RadioProgrammeFromPortraitVideo_AcceptedBecauseOnlyTheSoundIsUsed() =>
        Assert.Empty(Check(Samples.Probe(Samples.Video(720, 1280), Samples.Audio()), ProgrammeKind.Radio));

    [Fact]
    public void Check_PortraitPhoneVideo_Accepted() =>
        Assert.Empty(Check(Samples.Probe(Samples.Video(1080, 1920), Samples.Audio())));

    [Fact]
    public void Check_PhoneVideoStoredLandscapeButRotated_Accepted() =>
        Assert.Empty(Check(Samples.Probe(Samples.Video(1920, 1080, rotation: 90), Samples.Audio())));

    [Fact]
    public void Check_Portrait4K_AcceptedLikeLandscape4K() =>
        Assert.Empty(Check(Samples.Probe(Samples.Video(2160, 3840), Samples.Audio())));

    [Fact]
    public void Check_StoredPortraitButRotatedToLandscape_Accepted() =>
        Assert.Empty(Check(Samples.Probe(Samples.Video(1080, 1920, rotation: 270), Samples.Audio())));

    [Theory]
    [InlineData(4096, 2304)]
    [InlineData(4096, 2160)]
    [InlineData(7680, 4320)]
    public void Check_AboveUhd4K_ResolutionTooHigh(int width, int height)
    {
        var reasons = Check(Samples.Probe(Samples.Video(width, height), Samples.Audio()));

        Assert.Equal("resolution_too_high", Code(reasons));
        Assert.Contains("3840×2160", reasons[0].Message);
    }

    [Fact]
    public void Check_Exactly4K_Accepted() => Assert.Empty(Check(Samples.Probe(Samples.Video(3840, 2160), Samples.Audio())));

    [Theory]
    [InlineData(23.976)]
    [InlineData(24)]
    [InlineData(25)]
    [InlineData(29.97)]
    [InlineData(30)]
    [InlineData(50)]
    [InlineData(59.94)]
    [InlineData(60)]
    public void Check_CommonFrameRates_Accepted(double fps) =>
        Assert.Empty(Check(Samples.Probe(Samples.Video(fps: fps), Samples.Audio())));

    [Theory]
    [InlineData(5)]
    [InlineData(240)]
    [InlineData(90000)]
    public void Check_OddFrameRates_FrameRateSaysWhichAreFine(double fps)
    {
        var reasons = Check(Samples.Probe(Samples.Video(fps: fps), Samples.Audio()));

        Assert.Equal("frame_rate", Code(reasons));
        Assert.Contains("29.97", reasons[0].Message);
    }

    [Fact]
    public void Check_UnknownFrameRate_FrameRate() =>
        Assert.Equal("frame_rate", Code(Check(Samples.Probe(Samples.Video() with { FrameRate = Rational.Zero }, Samples.Audio()))));

    [Fact]
    public void Check_OverTheSizeLimit_FileTooLargeNamesBothSizes()
    {
        var reasons = InputChecks.Check(Samples.Report(Samples.Probe(Samples.Video(), Samples.Audio(), size: 30L << 30)),
            ProgrammeKind.Video, Options);

        Assert.Equal("file_too_large", Code(reasons));
        Assert.Contains("30 GB", reasons[0].Message);
        Assert.Contains("20 GB", reasons[0].Message);
    }

    [Fact]
    public void Check_HalfASecond_TooShort() =>
        Assert.Equal("too_short", Code(Check(Samples.Probe(Samples.Video(), Samples.Audio(), seconds: 0.5))));

    [Fact]
    public void Check_SevenHours_TooLongNamesTheLimit()
    {
        var reasons = Check(Samples.Probe(Samples.Video(), Samples.Audio(), seconds: 7 * 3600));

        Assert.Equal("too_long", Code(reasons));
        Assert.Contains("6:00:00", reasons[0].Message);
    }

    [Fact]
    public void Check_SilentPortraitPhoneClip_OnlyTheMissingSound() =>
        Assert.Equal(["no_audio"], Check(Samples.Probe(Samples.Video(720, 1280), null)).Select(r => r.Code));

    [Fact]
    public void Check_SilentSlideshow_ReportsBothProblemsAtOnceEachOneLine()
    {
        var reasons = Check(Samples.Probe(Samples.Video(720, 1280, fps: 5), null));

        Assert.Equal(["no_audio", "frame_rate"], reasons.Select(r => r.Code));
        Assert.All(reasons, r => Assert.DoesNotContain('\n', r.Message));
    }
}

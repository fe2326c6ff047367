using FFMpegCore;
using Realtime.MediaTests.Support;
using Realtime.MediaWorker.Transcoding;

namespace Realtime.MediaTests.Unit;

/// <summary>FFMpegCore's analysis of recorded ffprobe output (FFProbe.FromJson), mapped to what the checks need.</summary>
public sealed class ProbeMappingTests
{
    [Fact]
    public void Parse_Landscape720pRecording_ReadsContainerDurationAndBothStreams()
    {
        var probe = Map("probe-720p25-h264-aac.json");

        Assert.NotNull(probe);
        Assert.Contains("mp4", probe.Container);
        Assert.Equal(TimeSpan.FromSeconds(12), probe.Duration);
        Assert.Equal(9_841_137, probe.SizeBytes);
        Assert.Equal(6_560_758, probe.BitRate);
        var video = Assert.IsType<VideoStreamInfo>(probe.Video);
        Assert.Equal(("h264", 1280, 720, 0), (video.Codec, video.Width, video.Height, video.Rotation));
        Assert.Equal(new Rational(25, 1), video.FrameRate);
        Assert.Equal(6_485_883, video.BitRate);
        Assert.False(video.Interlaced);
        var audio = Assert.IsType<AudioStreamInfo>(probe.Audio);
        Assert.Equal(("aac", 1, 48_000), (audio.Codec, audio.Channels, audio.SampleRate));
    }

    [Fact]
    public void Parse_PhoneVideoWithDisplayMatrix_IsShownPortrait()
    {
        var video = Map("probe-rotated-phone-portrait.json")!.Video!;

        Assert.Equal((1280, 720), (video.Width, video.Height));
        Assert.Equal(270, video.Rotation);
        Assert.Equal((720, 1280), (video.DisplayWidth, video.DisplayHeight));
        Assert.Equal(new Rational(30000, 1001), video.FrameRate);
    }

    [Fact]
    public void Parse_Mp3WithCoverArt_HasAudioButTheCoverIsNotVideo()
    {
        var probe = Map("probe-mp3-with-cover-art.json")!;

        Assert.Null(probe.Video);
        Assert.Equal("mp3", probe.Audio!.Codec);
        Assert.Equal(20.04, probe.Duration!.Value.TotalSeconds, 2);
    }

    [Fact]
    public void Parse_InterlacedAnamorphicTvRecording_IsInterlacedAndShownWidescreen()
    {
        var video = Map("probe-sd-interlaced-anamorphic-ts.json")!.Video!;

        Assert.Equal("mpeg2video", video.Codec);
        Assert.True(video.Interlaced);
        Assert.Equal((720, 576), (video.Width, video.Height));
        Assert.Equal((1024, 576), (video.DisplayWidth, video.DisplayHeight));
    }

    [Fact]
    public void Parse_Landscape720pRecording_CountsItsFrames() => Assert.Equal(300, Map("probe-720p25-h264-aac.json").Video!.FrameCount);

    [Theory]
    [InlineData("12.000000", 12.0)]
    [InlineData("0:00:12.040000", 12.04)]
    [InlineData("1:02:03.500000", 3723.5)]
    public void Seconds_PlainOrSexagesimal_SameDuration(string text, double seconds) =>
        Assert.Equal(seconds, ProbeMapping.Seconds(text)!.Value.TotalSeconds, 3);

    [Theory]
    [InlineData("N/A")]
    [InlineData("")]
    [InlineData("-1.5")]
    public void Seconds_UnknownOrNonsense_Null(string text) => Assert.Null(ProbeMapping.Seconds(text));

    private static MediaProbe Map(string recording) => ProbeMapping.From(FFProbe.FromJson(TestData.Text(recording)));
}

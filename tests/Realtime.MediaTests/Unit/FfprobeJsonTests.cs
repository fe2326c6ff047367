using Realtime.MediaTests.Support;
using Realtime.MediaWorker.Transcoding;

namespace Realtime.MediaTests.Unit;

public sealed class FfprobeJsonTests
{
    [Fact]
    public void Parse_Landscape720pRecording_ReadsContainerDurationAndBothStreams()
    {
        var probe = FfprobeJson.Parse(TestData.Text("probe-720p25-h264-aac.json"));

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
        var video = FfprobeJson.Parse(TestData.Text("probe-rotated-phone-portrait.json"))!.Video!;

        Assert.Equal((1280, 720), (video.Width, video.Height));
        Assert.Equal(270, video.Rotation);
        Assert.Equal((720, 1280), (video.DisplayWidth, video.DisplayHeight));
        Assert.Equal(new Rational(30000, 1001), video.FrameRate);
    }

    [Fact]
    public void Parse_Mp3WithCoverArt_HasAudioButTheCoverIsNotVideo()
    {
        var probe = FfprobeJson.Parse(TestData.Text("probe-mp3-with-cover-art.json"))!;

        Assert.Null(probe.Video);
        Assert.Equal("mp3", probe.Audio!.Codec);
        Assert.Equal(20.04, probe.Duration!.Value.TotalSeconds, 2);
    }

    [Fact]
    public void Parse_InterlacedAnamorphicTvRecording_IsInterlacedAndShownWidescreen()
    {
        var video = FfprobeJson.Parse(TestData.Text("probe-sd-interlaced-anamorphic-ts.json"))!.Video!;

        Assert.Equal("mpeg2video", video.Codec);
        Assert.True(video.Interlaced);
        Assert.Equal((720, 576), (video.Width, video.Height));
        Assert.Equal((1024, 576), (video.DisplayWidth, video.DisplayHeight));
    }

    [Fact]
    public void Parse_TextFileRenamedMp4_NoProbeAndFfprobesError()
    {
        var json = TestData.Text("probe-text-renamed-mp4.json");

        Assert.Null(FfprobeJson.Parse(json));
        Assert.Equal("Invalid data found when processing input", FfprobeJson.Error(json));
    }

    [Fact]
    public void LastPacketTime_PacketList_IsTheLatestTime() =>
        Assert.Equal(11.96, FfprobeJson.LastPacketTime("11.880000\n11.960000\nN/A\n11.920000\n"));

    [Fact]
    public void LastPacketTime_NoPackets_IsNull() => Assert.Null(FfprobeJson.LastPacketTime(""));
}

using System.Globalization;
using Realtime.MediaTests.Support;
using Realtime.MediaWorker.Transcoding;

namespace Realtime.MediaTests.Integration;

/// <summary>
/// Recordings as they come from outside — very short, one keyframe, 4K, anamorphic PAL, phones (portrait, rotated,
/// silent, variable rate), a single frame — made with ffmpeg's test sources and checked with ffprobe on the outputs.
/// </summary>
[Collection(MediaCollection.Name)]
public sealed class RealWorldRecordingTests(MediaFixture media)
{
    private async Task<(TranscodeResult Result, string Output)> TranscodeAsync(string source, TranscodeOptions? options = null)
    {
        var output = media.NewOutput(Path.GetFileNameWithoutExtension(source));
        var result = await MediaFixture.Transcoder(options).TranscodeAsync(new TranscodeRequest(source, output, ProgrammeKind.Video));
        return (result, output);
    }

    private static void AssertSucceeded(TranscodeResult result) =>
        Assert.True(result.Succeeded, result.Message + "\n" + string.Join('\n', result.StderrTail));

    private static string[] Resolutions(string output) =>
        [.. Playlists.Variants(File.ReadAllText(Path.Combine(output, "master.m3u8"))).Select(v => v["RESOLUTION"])];

    [Fact]
    public async Task Transcode_ThreeSecondClip_PlaysWithPosterAndAStoryboard()
    {
        var source = media.Source("three-seconds.mp4");
        await MediaFixture.Clip(source, 640, 360, 25, 3, audio: true);

        var (result, output) = await TranscodeAsync(source, new TranscodeOptions());

        AssertSucceeded(result);
        Assert.Equal(3.0, Playlists.SegmentDurations(File.ReadAllText(Path.Combine(output, "360p/index.m3u8"))).Sum(), 1);
        Assert.True(File.Exists(Path.Combine(output, "poster.jpg")), "the poster of a 3 s clip");
        Assert.Contains("sprite-1.jpg#xywh=0,0,160,90", File.ReadAllText(Path.Combine(output, "storyboard/thumbnails.vtt")));
    }

    [Fact]
    public async Task Transcode_SixtySecondsWithOneKeyframe_StoryboardFromFramesAtFixedTimesAndTwoSecondGops()
    {
        var source = media.Source("one-keyframe.mp4");
        await MediaFixture.Clip(source, 320, 180, 25, 60, audio: true, "-x264-params", "keyint=infinite:scenecut=0");
        Assert.Single(await Tools.KeyframeTimesAsync(source));

        var (result, output) = await TranscodeAsync(source, new TranscodeOptions());

        AssertSucceeded(result);
        var vtt = File.ReadAllText(Path.Combine(output, "storyboard/thumbnails.vtt"));
        Assert.Contains("00:00:50.000 --> 00:01:00.000\nsprite-1.jpg#xywh=800,0,160,90", vtt);
        Assert.Equal(["mjpeg,1600,900"], await Tools.ProbeAsync(Path.Combine(output, "storyboard/sprite-1.jpg"), "stream=codec_name,width,height"));
        var keyframes = await Tools.KeyframeTimesAsync(await Playlists.ConcatenateAsync(Path.Combine(output, "180p"), media.Source($"joined-{Guid.NewGuid():N}.mp4")));
        Assert.Equal(30, keyframes.Length);
    }

    [Fact]
    public async Task Transcode_FourSeconds4K_FourRungsTopping1080p()
    {
        var source = media.Source("uhd.mp4");
        await MediaFixture.Clip(source, 3840, 2160, 10, 4, audio: true);

        var (result, output) = await TranscodeAsync(source);

        AssertSucceeded(result);
        Assert.Equal(["1920x1080", "1280x720", "854x480", "640x360"], Resolutions(output));
        Assert.Equal(["h264,1920,1080"], await Tools.ProbeAsync(await Playlists.ConcatenateAsync(Path.Combine(output, "1080p"),
            media.Source($"joined-uhd-{Guid.NewGuid():N}.mp4")), "stream=codec_name,width,height"));
    }

    [Fact]
    public async Task Transcode_SixSecondsPalWithSar16To15_SquarePixelFourByThreeRungs()
    {
        var source = media.Source("pal-4-3.mp4");
        await MediaFixture.Clip(source, 720, 576, 25, 6, audio: true, "-vf", "setsar=16/15");

        var (result, output) = await TranscodeAsync(source);

        AssertSucceeded(result);
        Assert.Equal(["640x480", "480x360"], Resolutions(output));
        Assert.Equal(["640,480,1:1"], await Tools.ProbeAsync(Path.Combine(output, "download.mp4"), "stream=width,height,sample_aspect_ratio", "v:0"));
    }

    [Fact]
    public async Task Transcode_SilentPortraitPhoneClip_RefusedAtOnceForTheSoundOnly()
    {
        var source = media.Source("silent-portrait.mp4");
        await MediaFixture.Clip(source, 360, 640, 30, 3, audio: false);

        var (result, _) = await TranscodeAsync(source);

        Assert.Equal(TranscodeStatus.Refused, result.Status);
        var reason = Assert.Single(result.Reasons);
        Assert.Equal("no_audio", reason.Code);
        Assert.Contains("请上传带声音的录像", reason.Message);
    }

    [Fact]
    public async Task Transcode_PhoneClipWithRotationMetadata_UprightPortraitLadderWithoutRotation()
    {
        var stored = media.Source("phone-stored.mp4");
        await MediaFixture.Clip(stored, 1280, 720, 30, 4, audio: true);
        var source = media.Source("phone-rotated.mp4");
        await Tools.FfmpegAsync("-i", stored, "-c", "copy", "-metadata:s:v:0", "rotate=90", source);

        var (result, output) = await TranscodeAsync(source, new TranscodeOptions());

        AssertSucceeded(result);
        Assert.Equal(["720x1280", "480x854", "360x640"], Resolutions(output));
        var top = await Playlists.ConcatenateAsync(Path.Combine(output, "720p"), media.Source($"joined-phone-{Guid.NewGuid():N}.mp4"));
        Assert.Equal(["720,1280"], await Tools.ProbeAsync(top, "stream=width,height", "v:0"));
        Assert.Empty(await Tools.ProbeAsync(top, "stream_side_data=rotation", "v:0"));
        Assert.Equal(["720,1280,1:1"], await Tools.ProbeAsync(Path.Combine(output, "download.mp4"), "stream=width,height,sample_aspect_ratio", "v:0"));
        Assert.Empty(await Tools.ProbeAsync(Path.Combine(output, "download.mp4"), "stream_side_data=rotation", "v:0"));
        Assert.Equal(["720,1280"], await Tools.ProbeAsync(Path.Combine(output, "poster.jpg"), "stream=width,height"));
    }

    [Fact]
    public async Task Transcode_OneFrameWithSound_RefusedAtOnceInChinese()
    {
        var frame = media.Source("one-frame-video.mp4");
        await Tools.FfmpegAsync("-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=1", "-frames:v", "1", "-c:v", "libx264", frame);
        var source = media.Source("one-frame.mp4");
        await Tools.FfmpegAsync("-i", frame, "-f", "lavfi", "-i", "sine=duration=5", "-map", "0:v", "-map", "1:a", "-c:v", "copy", "-c:a", "aac", source);

        var (result, output) = await TranscodeAsync(source);

        Assert.Equal(TranscodeStatus.Refused, result.Status);
        Assert.Equal("single_frame", Assert.Single(result.Reasons).Code);
        Assert.Contains("只有一帧画面", result.Reasons[0].Message);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Transcode_VariableRateWithAnOddMean_ConstantStandardRateAlignedGopsAndSegments()
    {
        var source = media.Source("vfr-phone.mp4");
        // 30 fps with about a quarter of the frames dropped at random: a mean near 22.3 fps, variable timing.
        await Tools.FfmpegAsync("-f", "lavfi", "-i", "testsrc2=size=854x480:rate=30:duration=12", "-f", "lavfi", "-i", "sine=duration=12",
            "-vf", "select='lt(random(0),0.752)'", "-fps_mode", "vfr", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", source);
        var mean = (await Tools.ProbeAsync(source, "stream=avg_frame_rate", "v:0"))[0];
        Assert.NotEqual("30/1", mean);

        var (result, output) = await TranscodeAsync(source);

        AssertSucceeded(result);
        Assert.Equal(24, result.Plan!.Video!.FrameRate.Value);
        Assert.All(Playlists.Variants(File.ReadAllText(Path.Combine(output, "master.m3u8"))), v => Assert.Equal("24.000", v["FRAME-RATE"]));
        var keyframes = new List<double[]>();
        foreach (var rung in new[] { "480p", "360p" })
        {
            var playlist = File.ReadAllText(Path.Combine(output, $"{rung}/index.m3u8"));
            Assert.All(Playlists.SegmentDurations(playlist).SkipLast(1), d => Assert.Equal(4.0, d, 3));
            keyframes.Add(await Tools.KeyframeTimesAsync(await Playlists.ConcatenateAsync(Path.Combine(output, rung), media.Source($"joined-vfr-{rung}-{Guid.NewGuid():N}.mp4"))));
        }
        Assert.Equal(keyframes[0], keyframes[1]);
        Assert.All(keyframes[0].Zip(keyframes[0].Skip(1)), pair => Assert.Equal(2.0, pair.Second - pair.First, 3));
    }

    [Fact]
    public async Task Transcode_720pSourceAt2100kbps_NoRungAboveTheSourcesVideoBitrate()
    {
        var source = media.Source("low-bitrate-720p.mp4");
        await MediaFixture.Clip(source, 1280, 720, 25, 12, audio: true, "-b:v", "2100k", "-maxrate", "2100k", "-bufsize", "2100k");
        var sourceKbps = long.Parse((await Tools.ProbeAsync(source, "stream=bit_rate", "v:0"))[0], CultureInfo.InvariantCulture) / 1000.0;

        var (result, output) = await TranscodeAsync(source);

        AssertSucceeded(result);
        Assert.True(result.Plan!.Video!.Rungs[0].BitrateKbps <= sourceKbps, $"planned {result.Plan.Video.Rungs[0].BitrateKbps} kbit/s for a {sourceKbps:0} kbit/s source");
        var variants = Playlists.Variants(File.ReadAllText(Path.Combine(output, "master.m3u8")));
        var audio = RenditionBitrate.Measure(output, "audio/index.m3u8")!.AverageBitsPerSecond / 1000;
        foreach (var variant in variants)
        {
            var videoKbps = int.Parse(variant["AVERAGE-BANDWIDTH"], CultureInfo.InvariantCulture) / 1000.0 - audio;
            Assert.True(videoKbps <= sourceKbps, $"{variant["RESOLUTION"]} averages {videoKbps:0} kbit/s of video, above the source's {sourceKbps:0}");
        }
    }
}

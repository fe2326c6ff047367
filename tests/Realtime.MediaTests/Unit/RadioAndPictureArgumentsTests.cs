using Realtime.MediaTests.Support;
using Realtime.MediaWorker.Transcoding;

namespace Realtime.MediaTests.Unit;

public sealed class RadioAndPictureArgumentsTests
{
    [Fact]
    public void Build_Radio_NoVideoDecodedOrEncoded()
    {
        var args = RadioArguments.Build(Samples.RadioPlan(), "/in/hotline.mp3");

        Assert.DoesNotContain(args, a => a.Contains("libx264", StringComparison.Ordinal) || a == "-c:v" || a == "-filter_complex");
        Assert.Equal(["-map", "0:a:0"], args.SkipWhile(a => a != "-map").Take(2));
        Assert.Single(args, a => a == "-map");
    }

    [Fact]
    public void Build_Radio_Aac96kAudioOnlyHlsAndM4a()
    {
        var args = RadioArguments.Build(Samples.RadioPlan(), "/in/hotline.mp3");

        Assert.Contains("96k", args);
        var tee = args[^1];
        Assert.Contains("hls_segment_type=fmp4", tee);
        Assert.Contains("hls_playlist_type=event:hls_flags=independent_segments+temp_file", tee);
        Assert.Contains("var_stream_map=a\\\\:0,name\\\\:audio]%v/index.m3u8", tee);
        Assert.EndsWith("|[f=ipod:movflags=+faststart]download.m4a", tee);
    }

    [Fact]
    public void Build_RadioWithoutDownload_OnlyHls()
    {
        var plan = LadderPlanner.Plan(Samples.Probe(null, Samples.Audio()), ProgrammeKind.Radio, new TranscodeOptions { Download = false });

        Assert.DoesNotContain("download.m4a", RadioArguments.Build(plan, "/in/hotline.mp3")[^1]);
        Assert.DoesNotContain("download.m4a", Transcoder.ExpectedFiles(plan));
    }

    [Fact]
    public void Build_Pictures_OneDecodeSplitIntoPosterAndSpritesOfFramesAtFixedTimes()
    {
        var args = PictureArguments.Build(Samples.VideoPlan(1280, 720), "/in/a.mp4");

        // Every frame is decoded (not only keyframes: a clip may have one), without deblocking, once.
        Assert.DoesNotContain("-skip_frame", args);
        Assert.Equal(["-skip_loop_filter", "all", "-i", "file:/in/a.mp4"],
            args.SkipWhile(a => a != "-skip_loop_filter").TakeWhile(a => a != "-filter_complex"));
        Assert.Equal("[0:v:0]split=2[p0][p1];[p0]select='gte(t,60)*eq(selected_n,0)',scale=1280:720,setsar=1[poster];"
            + "[p1]select='gte(t,selected_n*10)',scale=160:90,setsar=1,tile=10x10[sprites]", After(args, "-filter_complex"));
        Assert.Equal("1", After(args, "-frames:v"));
        Assert.Contains("poster.jpg", args);
        Assert.Equal("storyboard/sprite-%d.jpg", args[^1]);
        Assert.DoesNotContain("libx264", args);
    }

    [Fact]
    public void Build_PicturesOff_NoProcess()
    {
        var plan = Samples.VideoPlan(1280, 720, options: new TranscodeOptions { Poster = false, Storyboard = false });

        Assert.Empty(PictureArguments.Build(plan, "/in/a.mp4"));
    }

    [Fact]
    public void Build_OnlyPoster_NoSplit()
    {
        var plan = Samples.VideoPlan(1280, 720, options: new TranscodeOptions { Storyboard = false });

        var args = PictureArguments.Build(plan, "/in/a.mp4");

        Assert.Single(args, a => a == "-i");
        Assert.Equal("[0:v:0]select='gte(t,60)*eq(selected_n,0)',scale=1280:720,setsar=1[poster]", After(args, "-filter_complex"));
    }

    private static string After(IReadOnlyList<string> args, string flag) => args[args.ToList().IndexOf(flag) + 1];

    [Fact]
    public void InputFile_PathWithColon_ReadAsAFileNotAProtocol() =>
        Assert.Equal("file:/in/节目:第一期.mp4", FfmpegSyntax.InputFile("/in/节目:第一期.mp4"));

    [Fact]
    public void Escape_SpecialCharacters_Backslashed() =>
        Assert.Equal("a\\:b\\\\c\\'d", FfmpegSyntax.Escape("a:b\\c'd", ":"));

    [Fact]
    public void Tee_TwoSlaves_JoinedAndEscapedOnceMore() =>
        Assert.Equal("[f=hls:m=a\\\\:0]x.m3u8|[f=mp4]y.mp4",
            FfmpegSyntax.Tee([FfmpegSyntax.TeeSlave([new("f", "hls"), new("m", "a:0")], "x.m3u8"),
                FfmpegSyntax.TeeSlave([new("f", "mp4")], "y.mp4")]));
}

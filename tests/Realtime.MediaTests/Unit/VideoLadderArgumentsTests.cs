using Realtime.MediaTests.Support;
using Realtime.MediaWorker.Transcoding;

namespace Realtime.MediaTests.Unit;

public sealed class VideoLadderArgumentsTests
{
    private static readonly TranscodePlan Plan720 = Samples.VideoPlan(1280, 720, 25);

    private static IReadOnlyList<string> Build(TranscodePlan? plan = null, TranscodeOptions? options = null) =>
        VideoLadderArguments.Build(plan ?? Plan720, "/media/in/录像 01.mp4", options ?? Samples.Options());

    /// <summary>The value after a flag.</summary>
    private static string After(IReadOnlyList<string> args, string flag)
    {
        var index = args.ToList().IndexOf(flag);
        Assert.True(index >= 0 && index + 1 < args.Count, $"{flag} is missing from: {string.Join(' ', args)}");
        return args[index + 1];
    }

    [Fact]
    public void Build_720pPlan_OneInputDecodedOnceAndSplitIntoEveryRung()
    {
        var args = Build();

        Assert.Single(args, a => a == "-i");
        Assert.Equal("file:/media/in/录像 01.mp4", After(args, "-i"));
        var graph = After(args, "-filter_complex");
        Assert.StartsWith("[0:v:0]fps=25/1,split=3[s0][s1][s2];", graph);
        Assert.Contains("[s0]scale=1280:720,setsar=1,format=yuv420p[v0]", graph);
        Assert.Contains("[s1]scale=854:480,setsar=1,format=yuv420p[v1]", graph);
        Assert.Contains("[s2]scale=640:360,setsar=1,format=yuv420p[v2]", graph);
    }

    [Fact]
    public void Build_720pPlan_EveryRungAndTheAudioMapped()
    {
        var maps = Build().Zip(Build().Skip(1)).Where(p => p.First == "-map").Select(p => p.Second);

        Assert.Equal(["[v0]", "[v1]", "[v2]", "0:a:0"], maps);
    }

    [Fact]
    public void Build_720pPlan_X264WithKeyframesEveryTwoSecondsAndNoSceneCuts()
    {
        var args = Build();

        Assert.Equal("libx264", After(args, "-c:v"));
        Assert.Equal("veryfast", After(args, "-preset"));
        Assert.Equal("50", After(args, "-g"));
        Assert.Equal("50", After(args, "-keyint_min"));
        Assert.Equal("0", After(args, "-sc_threshold"));
        Assert.DoesNotContain("-force_key_frames", args);
    }

    [Fact]
    public void Build_PresetAndForcedKeyframesFromOptions_Used()
    {
        var args = Build(options: new TranscodeOptions { X264Preset = "faster", ForceKeyFramesByTime = true });

        Assert.Equal("faster", After(args, "-preset"));
        Assert.Equal("expr:gte(t,n_forced*2)", After(args, "-force_key_frames"));
    }

    [Fact]
    public void Build_720pPlan_EachRungHasItsCappedBitrate()
    {
        var args = Build();

        Assert.Equal(("2800k", "3080k", "5600k"), (After(args, "-b:v:0"), After(args, "-maxrate:v:0"), After(args, "-bufsize:v:0")));
        Assert.Equal(("1400k", "1540k", "2800k"), (After(args, "-b:v:1"), After(args, "-maxrate:v:1"), After(args, "-bufsize:v:1")));
        Assert.Equal(("800k", "880k", "1600k"), (After(args, "-b:v:2"), After(args, "-maxrate:v:2"), After(args, "-bufsize:v:2")));
    }

    [Fact]
    public void Build_720pPlan_OneAacStereo48kRendition()
    {
        var args = Build();

        Assert.Equal(("aac", "128k", "48000", "2"), (After(args, "-c:a"), After(args, "-b:a"), After(args, "-ar"), After(args, "-ac")));
    }

    [Fact]
    public void Build_720pPlan_ProgressOnStdoutAndNoInteractiveInput()
    {
        var args = Build();

        Assert.Equal("pipe:1", After(args, "-progress"));
        Assert.Contains("-nostats", args);
        Assert.Contains("-nostdin", args);
    }

    [Fact]
    public void Build_720pPlan_TeeWritesFmp4VodHlsWithMasterAndTheDownload()
    {
        var args = Build();

        Assert.Equal("tee", After(args, "-f"));
        var tee = args[^1];
        Assert.StartsWith("[f=hls:hls_segment_type=fmp4:hls_time=4:hls_playlist_type=event:hls_flags=independent_segments+temp_file:"
            + "hls_segment_filename=%v/seg-%05d.m4s:master_pl_name=master.m3u8:var_stream_map=", tee);
        Assert.Contains("]%v/index.m3u8|[f=mp4:movflags=+faststart:select=v\\\\:0,a]download.mp4", tee);
    }

    [Fact]
    public void VarStreamMap_720pPlan_EveryVideoRungUsesTheOneAudioGroup() =>
        Assert.Equal("v:0,agroup:aud,name:720p v:1,agroup:aud,name:480p v:2,agroup:aud,name:360p a:0,agroup:aud,name:audio,default:yes",
            VideoLadderArguments.VarStreamMap(Plan720.Video!));

    [Fact]
    public void Build_720pPlan_VarStreamMapEscapedTwiceInsideTheTee() =>
        Assert.Contains("var_stream_map=v\\\\:0,agroup\\\\:aud,name\\\\:720p v\\\\:1,", Build()[^1]);

    [Fact]
    public void Build_1080pPlan_DownloadIsTheSecond720pEncodeNotAnExtraOne()
    {
        var args = Build(Samples.VideoPlan(1920, 1080));

        Assert.Contains("select=v\\\\:1,a]download.mp4", args[^1]);
        Assert.Equal(4, args.Count(a => a.StartsWith("-b:v:", StringComparison.Ordinal)));
    }

    [Fact]
    public void Build_DownloadOff_NoMp4()
    {
        var plan = Samples.VideoPlan(1280, 720, options: new TranscodeOptions { Download = false });

        Assert.DoesNotContain("download.mp4", Build(plan)[^1]);
    }

    [Fact]
    public void Build_InterlacedSource_DeinterlacedBeforeSplitting()
    {
        var plan = Plan720 with { Video = Plan720.Video! with { Deinterlace = true } };

        Assert.StartsWith("[0:v:0]bwdif=mode=send_frame,fps=25/1,split=3", After(Build(plan), "-filter_complex"));
    }

    [Fact]
    public void Build_OneRung_NoSplit() =>
        Assert.Equal("[0:v:0]fps=30/1[s0];[s0]scale=640:360,setsar=1,format=yuv420p[v0]",
            After(Build(Samples.VideoPlan(640, 360, 30)), "-filter_complex"));

    [Fact]
    public void Build_720pPlan_SourceMetadataNotCopied() => Assert.Equal("-1", After(Build(), "-map_metadata"));

    [Fact]
    public void Build_RadioPlan_Refused() => Assert.Throws<ArgumentException>(() => Build(Samples.RadioPlan()));
}

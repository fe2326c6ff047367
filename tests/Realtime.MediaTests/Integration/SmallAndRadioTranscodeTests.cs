using Realtime.MediaTests.Support;

namespace Realtime.MediaTests.Integration;

[Collection(MediaCollection.Name)]
public sealed class SmallAndRadioTranscodeTests(MediaFixture media)
{
    [Fact]
    public async Task Master_360p30Source_OnlyThe360pRungNothingAboveTheSource()
    {
        var job = await media.Small360Transcoded;
        Assert.True(job.Result.Succeeded, job.Result.Message);

        Assert.Equal(["640x360"], Playlists.Variants(job.Text("master.m3u8")).Select(v => v["RESOLUTION"]));
        Assert.False(Directory.Exists(job.File("480p")));
        Assert.False(Directory.Exists(job.File("720p")));
    }

    [Fact]
    public async Task Keyframes_30fpsSource_EveryTwoSeconds()
    {
        var job = await media.Small360Transcoded;

        var keyframes = await Tools.KeyframeTimesAsync(
            await Playlists.ConcatenateAsync(job.File("360p"), Path.Combine(media.Folder, $"joined-small-{Guid.NewGuid():N}.mp4")));

        Assert.Equal(6, keyframes.Length);
        Assert.All(keyframes.Zip(keyframes.Skip(1)), pair => Assert.Equal(2.0, pair.Second - pair.First, 3));
    }

    [Fact]
    public async Task Download_360pSource_IsThe360pRung() =>
        Assert.Equal(["h264,640,360", "aac"],
            await Tools.ProbeAsync((await media.Small360Transcoded).File("download.mp4"), "stream=codec_name,width,height"));

    [Fact]
    public async Task Transcode_InterlacedAnamorphicPalBroadcast_WidescreenRungsFromTheTransportStream()
    {
        var source = media.Source("pal-broadcast.ts");
        await Tools.FfmpegAsync("-f", "lavfi", "-i", "testsrc2=size=720x576:rate=25:duration=4", "-f", "lavfi", "-i",
            "sine=duration=4", "-vf", "setsar=64/45", "-c:v", "mpeg2video", "-flags", "+ilme+ildct", "-top", "1",
            "-b:v", "4M", "-c:a", "mp2", "-f", "mpegts", source);
        var output = media.NewOutput("pal");

        var result = await MediaFixture.Transcoder().TranscodeAsync(new(source, output, MediaWorker.Transcoding.ProgrammeKind.Video));

        Assert.True(result.Succeeded, result.Message + "\n" + string.Join('\n', result.StderrTail));
        Assert.True(result.Plan!.Video!.Deinterlace);
        Assert.Equal(["854x480", "640x360"],
            Playlists.Variants(File.ReadAllText(Path.Combine(output, "master.m3u8"))).Select(v => v["RESOLUTION"]));
        Assert.Equal(["h264,854,480,1:1"], await Tools.ProbeAsync(Path.Combine(output, "download.mp4"),
            "stream=codec_name,width,height,sample_aspect_ratio", "v:0"));
    }

    [Fact]
    public async Task Transcode_RadioMp3WithCoverArt_AudioOnlyHlsAndM4aWithoutVideo()
    {
        var job = await media.RadioTranscoded;
        Assert.True(job.Result.Succeeded, job.Result.Message);

        var variant = Assert.Single(Playlists.Variants(job.Text("master.m3u8")));
        Assert.False(variant.ContainsKey("RESOLUTION"));
        Assert.Equal("audio/index.m3u8", job.Text("master.m3u8").Split('\n').First(l => l.EndsWith(".m3u8", StringComparison.Ordinal)));
        var joined = await Playlists.ConcatenateAsync(job.File("audio"), Path.Combine(media.Folder, $"joined-radio-{Guid.NewGuid():N}.mp4"));
        Assert.Equal(["audio"], await Tools.ProbeAsync(joined, "stream=codec_type"));
        Assert.Equal(["aac,48000,2"], await Tools.ProbeAsync(job.File("download.m4a"), "stream=codec_name,sample_rate,channels"));
    }

    [Fact]
    public async Task Transcode_RadioMp3_NoPicturesNoVideoFolders()
    {
        var job = await media.RadioTranscoded;

        Assert.Equal(["audio", "download.m4a", "master.m3u8"],
            Directory.EnumerateFileSystemEntries(job.Output).Select(Path.GetFileName).Order());
        Assert.All(job.Result.Files.Where(f => !f.RelativePath.EndsWith(".m3u8", StringComparison.Ordinal)),
            f => Assert.Equal("audio/mp4", f.ContentType));
    }

    [Fact]
    public async Task AudioPlaylist_RadioMp3_FourToSixSecondSegmentsWithinOneAacFrame()
    {
        var durations = Playlists.SegmentDurations((await media.RadioTranscoded).Text("audio/index.m3u8"));

        Assert.True(durations.Length >= 3);
        Assert.All(durations.SkipLast(1), d => Assert.InRange(d, 4.0 - 1024.0 / 48_000, 6.0));
    }
}

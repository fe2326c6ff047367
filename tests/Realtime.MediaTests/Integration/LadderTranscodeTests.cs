using Realtime.MediaTests.Support;
using Realtime.MediaWorker.Transcoding;

namespace Realtime.MediaTests.Integration;

/// <summary>A 12 s 1280x720 25 fps clip through the real ffmpeg: what a viewer's player and the archive page get.</summary>
[Collection(MediaCollection.Name)]
public sealed class LadderTranscodeTests(MediaFixture media)
{
    private static readonly string[] Rungs = ["720p", "480p", "360p"];

    private async Task<Transcoded> Job()
    {
        var job = await media.Landscape720Transcoded;
        Assert.True(job.Result.Succeeded, job.Result.Message + "\n" + string.Join('\n', job.Result.StderrTail));
        return job;
    }

    [Fact]
    public async Task Master_720pSource_Lists720480360WithBandwidthResolutionAndTheAudioGroup()
    {
        var master = (await Job()).Text("master.m3u8");

        var variants = Playlists.Variants(master);
        Assert.Equal(["1280x720", "854x480", "640x360"], variants.Select(v => v["RESOLUTION"]));
        Assert.All(variants, v => Assert.True(int.Parse(v["BANDWIDTH"]) > 0));
        var audio = Assert.Single(Playlists.Media(master));
        Assert.Equal("AUDIO", audio["TYPE"]);
        Assert.Equal("audio/index.m3u8", audio["URI"]);
        Assert.All(variants, v => Assert.Equal(audio["GROUP-ID"], v["AUDIO"]));
    }

    [Fact]
    public async Task Master_720pSource_FrameRateAverageBandwidthAndAudioChannels()
    {
        var master = (await Job()).Text("master.m3u8");

        var variants = Playlists.Variants(master);
        Assert.All(variants, v => Assert.Equal("25.000", v["FRAME-RATE"]));
        Assert.All(variants, v => Assert.InRange(int.Parse(v["AVERAGE-BANDWIDTH"]), 100_000, int.Parse(v["BANDWIDTH"])));
        Assert.Equal("2", Assert.Single(Playlists.Media(master))["CHANNELS"]);
    }

    [Fact]
    public async Task Master_720pSource_BandwidthFallsWithEachRung()
    {
        var bandwidths = Playlists.Variants((await Job()).Text("master.m3u8")).Select(v => int.Parse(v["BANDWIDTH"])).ToList();

        Assert.Equal(bandwidths.OrderDescending(), bandwidths);
    }

    [Fact]
    public async Task MediaPlaylists_720pSource_VodWithFourToSixSecondSegmentsExceptTheLast()
    {
        var job = await Job();

        foreach (var rung in Rungs)
        {
            var playlist = job.Text($"{rung}/index.m3u8");
            Assert.Contains("#EXT-X-PLAYLIST-TYPE:VOD", playlist);
            Assert.Contains("#EXT-X-ENDLIST", playlist);
            Assert.Contains("#EXT-X-INDEPENDENT-SEGMENTS", playlist);
            var durations = Playlists.SegmentDurations(playlist);
            Assert.True(durations.Length >= 2, rung);
            Assert.All(durations.SkipLast(1), d => Assert.InRange(d, 4.0, 6.0));
            Assert.Equal(12.0, durations.Sum(), 1);
        }
    }

    [Fact]
    public async Task AudioPlaylist_720pSource_SegmentsFourToSixSecondsWithinOneAacFrame()
    {
        var durations = Playlists.SegmentDurations((await Job()).Text("audio/index.m3u8"));

        // Audio cuts fall on 1024-sample AAC frames, so a segment may be one frame (21 ms) short of 4 s.
        Assert.All(durations.SkipLast(1), d => Assert.InRange(d, 4.0 - 1024.0 / 48_000, 6.0));
    }

    [Fact]
    public async Task Keyframes_720pSource_SameTimesOnEveryRungEveryTwoSeconds()
    {
        var job = await Job();

        var times = new List<double[]>();
        foreach (var rung in Rungs)
            times.Add(await Tools.KeyframeTimesAsync(
                await Playlists.ConcatenateAsync(job.File(rung), Path.Combine(media.Folder, $"joined-{rung}-{Guid.NewGuid():N}.mp4"))));

        Assert.Equal(6, times[0].Length);
        Assert.Equal(times[0], times[1]);
        Assert.Equal(times[0], times[2]);
        Assert.All(times[0].Zip(times[0].Skip(1)), pair => Assert.Equal(2.0, pair.Second - pair.First, 3));
    }

    [Fact]
    public async Task Segments_720pSource_EachStartsWithAKeyframe()
    {
        var job = await Job();
        var playlist = job.Text("360p/index.m3u8");

        var starts = Playlists.SegmentDurations(playlist).SkipLast(1)
            .Aggregate(new List<double> { 0 }, (list, d) => { list.Add(list[^1] + d); return list; });
        var keyframes = await Tools.KeyframeTimesAsync(
            await Playlists.ConcatenateAsync(job.File("360p"), Path.Combine(media.Folder, $"joined-360-{Guid.NewGuid():N}.mp4")));

        Assert.All(starts, s => Assert.Contains(keyframes, k => Math.Abs(k - keyframes[0] - s) < 0.01));
    }

    [Fact]
    public async Task Download_720pSource_Faststart720pMp4WithSound()
    {
        var job = await Job();
        var path = job.File("download.mp4");

        Assert.Equal(["h264,1280,720", "aac"], await Tools.ProbeAsync(path, "stream=codec_name,width,height"));
        Assert.Equal(12.0, double.Parse((await Tools.ProbeAsync(path, "format=duration"))[0],
            System.Globalization.CultureInfo.InvariantCulture), 0);
        var head = new byte[64 * 1024];
        await using (var file = File.OpenRead(path))
            await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false);
        var text = System.Text.Encoding.ASCII.GetString(head);
        Assert.True(text.Contains("moov", StringComparison.Ordinal)
            && text.IndexOf("moov", StringComparison.Ordinal) < Math.Max(0, text.IndexOf("mdat", StringComparison.Ordinal)),
            "the index (moov) should come before the media (mdat) so the download plays while it loads");
    }

    [Fact]
    public async Task Poster_720pSource_A720pJpeg()
    {
        var job = await Job();

        Assert.Equal(["mjpeg,1280,720"], await Tools.ProbeAsync(job.File("poster.jpg"), "stream=codec_name,width,height"));
    }

    [Fact]
    public async Task Storyboard_720pSource_TenByTenSpriteOf160pxThumbnailsAndItsMap()
    {
        var job = await Job();

        Assert.Equal(["mjpeg,1600,900"], await Tools.ProbeAsync(job.File("storyboard/sprite-1.jpg"), "stream=codec_name,width,height"));
        Assert.False(File.Exists(job.File("storyboard/sprite-2.jpg")));
        var vtt = job.Text("storyboard/thumbnails.vtt");
        Assert.StartsWith("WEBVTT", vtt);
        Assert.Contains("00:00:00.000 --> 00:00:02.000\nsprite-1.jpg#xywh=0,0,160,90", vtt);
        Assert.Contains("00:00:10.000 --> 00:00:12.000\nsprite-1.jpg#xywh=800,0,160,90", vtt);
    }

    [Fact]
    public async Task Files_720pSource_EveryFileListedWithItsContentType()
    {
        var job = await Job();
        var files = job.Result.Files;

        var onDisk = Directory.EnumerateFiles(job.Output, "*", SearchOption.AllDirectories).Count();
        Assert.Equal(onDisk, files.Count);
        Assert.All(files, f => Assert.True(f.SizeBytes > 0, f.RelativePath));
        Assert.All(files.Where(f => f.RelativePath.EndsWith(".m3u8", StringComparison.Ordinal)),
            f => Assert.Equal("application/vnd.apple.mpegurl", f.ContentType));
        Assert.All(files.Where(f => f.RelativePath.StartsWith("720p/", StringComparison.Ordinal) && !f.RelativePath.EndsWith(".m3u8", StringComparison.Ordinal)),
            f => Assert.Equal("video/mp4", f.ContentType));
        Assert.All(files.Where(f => f.RelativePath.StartsWith("audio/", StringComparison.Ordinal) && !f.RelativePath.EndsWith(".m3u8", StringComparison.Ordinal)),
            f => Assert.Equal("audio/mp4", f.ContentType));
        Assert.Contains(files, f => f is { RelativePath: "storyboard/thumbnails.vtt", ContentType: "text/vtt" });
        Assert.Contains(files, f => f is { RelativePath: "poster.jpg", ContentType: "image/jpeg" });
    }

    [Fact]
    public async Task Progress_720pSource_RisesToOneHundredWithSpeedAndEta()
    {
        var progress = (await Job()).Progress;

        Assert.True(progress.Count >= 3, $"only {progress.Count} progress reports");
        Assert.Equal(progress.Select(p => p.Percent), progress.Select(p => p.Percent).Order());
        Assert.Contains(progress, p => p is { Percent: > 0 and < 100, Speed: > 0, Eta: not null });
        Assert.True(progress[^1] is { Finished: true, Percent: 100 });
    }

    [Fact]
    public async Task Probe_720pSource_ReportedWithTheResult()
    {
        var result = (await Job()).Result;

        Assert.Equal((1280, 720), (result.Probe!.Video!.Width, result.Probe.Video.Height));
        Assert.Equal(3, result.Plan!.Video!.Rungs.Count);
    }
}

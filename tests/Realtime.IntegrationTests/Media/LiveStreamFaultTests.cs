using System.Text.Json;
using Realtime.Contracts.LiveStreams;
using Realtime.Testing;

namespace Realtime.IntegrationTests.Media;

/// <summary>
/// Live streams off the happy path, with real ffmpeg encoders over SRT: radio is sound only; a video programme fed
/// sound only, or nothing at all, is told why it is not on air; a worker killed mid-show loses the stream to the next worker, which
/// listens at a new address and continues the same playlists after a discontinuity, losing nothing published.
/// </summary>
[Collection(MediaStackCollection.Name)]
public sealed class LiveStreamFaultTests(MediaStack stack)
{
    private static readonly TimeSpan Bound = LiveShow.Bound;

    [Fact]
    public async Task Radio_IsSoundOnly_LiveAndInTheReplay()
    {
        using var admin = await stack.Api.AsAsync("admin");
        using var anyone = stack.Api.CreateClient();
        await using var show = await LiveShow.OpenAsync(stack, admin, "连心桥：直播流只有声音", "LianxinqiaoHotline");
        var listening = await show.Stream(s => s.Address is not null, "a worker listening");
        Assert.Equal("Radio", listening.Kind.ToString());
        await using (var studio = StudioEncoder.Start(listening.Address!, listening.Passphrase, 8, size: null))
        {
            var master = await Eventually.Until(() => anyone.GetAsync($"/live/{show.Id}/master.m3u8"), r => r.IsSuccessStatusCode, "the radio stream on air", Bound);
            var text = await master.Content.ReadAsStringAsync();
            Assert.Contains("audio.m3u8", text);
            Assert.Contains("mp4a.40.2", text);
            Assert.DoesNotContain("RESOLUTION", text);
            await studio.WaitAsync(Bound);
        }
        // A studio sending a picture to radio: the picture is ignored, and the admin is told.
        await show.Stream(s => s.State == LiveStreamState.Interrupted, "the worker listening again after the first push");
        await using (var studio = StudioEncoder.Start(listening.Address!, listening.Passphrase, 5))
        {
            await show.Stream(s => s.Problem?.Code == "video_ignored", "the ignored picture noted");
            await studio.WaitAsync(Bound);
        }
        (await show.End()).EnsureSuccessStatusCode();
        var download = await Eventually.Until(async () => await show.Archive(anyone) is { } d ? d.GetProperty("item").GetProperty("downloadUrl") : default,
            d => d.ValueKind == JsonValueKind.String, "the radio replay's download", Bound);
        Assert.EndsWith("/download.m4a", download.GetString());
    }

    [Fact]
    public async Task VideoProgramme_FedSoundOnly_SaysWhy_AndEndsWithoutAReplay()
    {
        using var admin = await stack.Api.AsAsync("admin");
        await using var show = await LiveShow.OpenAsync(stack, admin, "百家社区讲堂：没有画面的推流", "CommunityForum");
        var listening = await show.Stream(s => s.Address is not null, "a worker listening");
        // Nothing arrives for a while (Live:NoInputSeconds): the admin is told to check the encoder.
        var silent = await show.Stream(s => s.Problem?.Code == "no_input", "no input for a while");
        Assert.Contains("没有收到推流", silent.Problem!.Message);
        await using (var studio = StudioEncoder.Start(listening.Address!, listening.Passphrase, 4, size: null))
        {
            var refused = await show.Stream(s => s.Problem?.Code == "no_video", "the missing picture explained");
            Assert.Contains("没有画面", refused.Problem!.Message);
            await studio.WaitAsync(Bound);
        }
        (await show.End()).EnsureSuccessStatusCode();
        var ended = await show.Stream(s => s.State == LiveStreamState.Ended, "the stream ended");
        Assert.Equal("no_replay", ended.Problem?.Code);
    }

    [Fact]
    public async Task WorkerKilledMidShow_NextWorkerTakesTheStream_AndThePlaylistsContinue()
    {
        using var admin = await stack.Api.AsAsync("admin");
        using var anyone = stack.Api.CreateClient();
        await using var show = await LiveShow.OpenAsync(stack, admin, "局长访谈：转码节点宕机", "DirectorInterview");
        var first = await show.Stream(s => s.Address is not null, "the first worker listening");
        int published;
        await using (var studio = StudioEncoder.Start(first.Address!, first.Passphrase, 30))
        {
            var playlist = await show.Playlist(anyone, "480p.m3u8", t => LiveShow.Segments(t).Count >= 4, "segments from the first worker");
            published = LiveShow.Segments(playlist).Count;
            await stack.Worker.KillAsync();
            await stack.ReplaceWorkerAsync(new WorkerProcess(stack.Api));
        }
        var taken = await show.Stream(s => s.Address is not null && s.Address != first.Address && s.Run > first.Run,
            "the stream offered again and taken by the new worker");
        Assert.Equal("worker_lost", taken.Problem?.Code);
        await using (var studio = StudioEncoder.Start(taken.Address!, taken.Passphrase, 6))
        {
            var continued = await show.Playlist(anyone, "480p.m3u8", t => LiveShow.Segments(t).Count >= published + 3,
                "the same playlist continuing on the new worker");
            Assert.Contains("#EXT-X-DISCONTINUITY", continued);
            Assert.Contains($"r{taken.Run}-0/480p/", continued);
            await studio.WaitAsync(Bound);
        }
        var all = LiveShow.Segments(await anyone.GetStringAsync($"/live/{show.Id}/480p.m3u8"));
        foreach (var segment in all.Take(published))
            Assert.True((await anyone.GetAsync($"/live/{show.Id}/{segment}")).IsSuccessStatusCode, $"{segment}, published before the kill, is still there");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Realtime.Contracts.LiveStreams;
using Realtime.Contracts.Programmes;
using Realtime.Contracts.Questions;
using Realtime.Testing;

namespace Realtime.IntegrationTests.Media;

/// <summary>
/// A programme's live stream end to end, with the real ffmpeg as the studio encoder pushing over SRT to the real worker:
/// the live playlists grow and are served from memory with ETags, a question put on air becomes a chapter of the replay,
/// a wrong passphrase is refused and shown, a dropped encoder continues the same playlists after a discontinuity, and
/// the end of the programme is the start of the replay, with its download.
/// </summary>
[Collection(MediaStackCollection.Name)]
public sealed class LiveStreamTests(MediaStack stack)
{
    private static readonly TimeSpan Bound = LiveShow.Bound;

    [Fact]
    public async Task VideoStream_PlaysLive_SurvivesAReconnect_AndIsTheReplayWhenTheProgrammeEnds()
    {
        using var admin = await stack.Api.AsAsync("admin");
        using var anyone = stack.Api.CreateClient();
        await using var show = await LiveShow.OpenAsync(stack, admin, "局长访谈：直播流与回放", "DirectorInterview", goLive: false);
        var programme = show.Id;
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/programmes/{programme}/live-stream", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anyone.GetAsync($"/api/programmes/{programme}/live-stream")).StatusCode);
        var listening = await show.Stream(s => s.Address is not null, "a worker listening for the encoder");
        Assert.Equal(24, listening.Passphrase.Length);
        Assert.Equal(LiveStreamState.Listening, listening.State);
        (await admin.PostAsync($"/api/programmes/{programme}/live", null)).EnsureSuccessStatusCode();

        // The studio pushes 480p for 18 s; meanwhile a question goes on air.
        var first = StudioEncoder.Start(listening.Address!, listening.Passphrase, 18);
        var receiving = await show.Stream(s => s.State == LiveStreamState.Receiving && s.Health?.Width is not null, "the encoder's picture");
        Assert.Equal((854, 480), (receiving.Health!.Width, receiving.Health.Height));
        Assert.NotNull(receiving.Health.AudioCodec);
        var playback = await Eventually.Until(async () => (await anyone.GetFromJsonAsync<JsonElement>($"/api/programmes/{programme}/playback", ApiClient.Json))
            .GetProperty("stream"), p => p.ValueKind == JsonValueKind.Object && p.GetProperty("onAir").GetBoolean(), "the stream on air for viewers", Bound);
        Assert.Equal($"/live/{programme}/master.m3u8", playback.GetProperty("playlistUrl").GetString());
        var master = await anyone.GetStringAsync($"/live/{programme}/master.m3u8");
        Assert.Contains("480p.m3u8", master);
        Assert.Contains("360p.m3u8", master);
        Assert.DoesNotContain("720p", master); // never above the input

        // The first segments as a player reads them right after the stream went on air (before the desk's round trips).
        var early = await anyone.GetAsync($"/live/{programme}/480p.m3u8");
        var earlyText = await early.Content.ReadAsStringAsync();
        AssertNoSegmentAheadOfTheStudio(earlyText, DateTimeOffset.UtcNow);
        Assert.Equal(TimeSpan.FromSeconds(1), early.Headers.CacheControl?.MaxAge);
        Assert.Contains("#EXT-X-PLAYLIST-TYPE:EVENT", earlyText);
        Assert.Contains("#EXT-X-PROGRAM-DATE-TIME:", earlyText);
        Assert.DoesNotContain("#EXT-X-ENDLIST", earlyText);
        using (var unchanged = new HttpRequestMessage(HttpMethod.Get, $"/live/{programme}/480p.m3u8"))
        {
            unchanged.Headers.IfNoneMatch.Add(early.Headers.ETag!);
            var revalidated = await anyone.SendAsync(unchanged);
            Assert.True(revalidated.StatusCode == HttpStatusCode.NotModified || revalidated.Headers.ETag != early.Headers.ETag,
                "the same ETag answers 304; a new segment gives a new ETag");
        }
        var questionId = await PutQuestionOnAir(programme);
        var grown = await show.Playlist(anyone, "480p.m3u8", t => LiveShow.Segments(t).Count >= LiveShow.Segments(earlyText).Count + 2,
            $"the live playlist growing from {LiveShow.Segments(earlyText).Count} segments by 2");
        Assert.StartsWith(earlyText, grown); // append-only: a player's earlier copy is a prefix
        var segment = await anyone.GetAsync($"/live/{programme}/{LiveShow.Segments(grown)[0]}");
        Assert.Equal(HttpStatusCode.OK, segment.StatusCode);
        Assert.True(segment.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(365), "segments never change");
        Assert.True((await segment.Content.ReadAsByteArrayAsync()).Length > 1000);
        await first.WaitAsync(Bound);

        // The encoder dropped: interrupted. A wrong passphrase is refused and said; the right one continues the playlists.
        await show.Stream(s => s.State == LiveStreamState.Interrupted, "the stream interrupted when the encoder left");
        var wrong = StudioEncoder.Start(listening.Address!, "wrongwrongwrongwrongwron", 3);
        Assert.NotEqual(0, (await wrong.WaitAsync(Bound)).ExitCode);
        var refused = await show.Stream(s => s.Problem?.Code == "wrong_passphrase", "the wrong passphrase shown to the admin");
        Assert.Contains("密码", refused.Problem!.Message);
        var before = LiveShow.Segments(await anyone.GetStringAsync($"/live/{programme}/480p.m3u8")).Count;
        await using (var second = StudioEncoder.Start(listening.Address!, listening.Passphrase, 8))
        {
            var continued = await show.Playlist(anyone, "480p.m3u8", t => LiveShow.Segments(t).Count >= before + 3,
                "the same playlist continuing after the reconnect");
            Assert.Contains("#EXT-X-DISCONTINUITY", continued);
            await second.WaitAsync(Bound);
        }

        // The end of the show is the start of the replay: closed playlists, in the archive, the question a chapter.
        (await show.End()).EnsureSuccessStatusCode();
        var ended = await show.Stream(s => s.State == LiveStreamState.Ended, "the stream ended with the programme");
        Assert.Null(ended.Problem);
        var replay = await Eventually.Until(() => show.Archive(anyone), d => d is not null, "the live replay in the archive", Bound);
        var item = replay!.Value.GetProperty("item");
        Assert.Equal($"/live/{programme}/master.m3u8", item.GetProperty("playlistUrl").GetString());
        var closed = await anyone.GetAsync($"/live/{programme}/480p.m3u8");
        Assert.EndsWith("#EXT-X-ENDLIST\n", await closed.Content.ReadAsStringAsync());
        Assert.Equal(TimeSpan.FromSeconds(300), closed.Headers.CacheControl?.MaxAge);
        var chapter = replay.Value.GetProperty("chapters").EnumerateArray().Single(c => c.GetProperty("questionId").GetInt64() == questionId);
        var duration = item.GetProperty("entry").GetProperty("recording").GetProperty("durationSeconds").GetDouble();
        // 18 s + 8 s were sent; on a machine too loaded for the ladder to keep up, SRT drops what arrives too late, so a
        // replay may be shorter than what was sent — but it is there, and never longer.
        Assert.InRange(duration, 5, 30);
        Assert.InRange(chapter.GetProperty("onAirSeconds").GetDouble(), 0, 20);
        var download = await Eventually.Until(async () => (await show.Archive(anyone))!.Value.GetProperty("item").GetProperty("downloadUrl"),
            d => d.ValueKind == JsonValueKind.String, "the download remuxed from the live rungs", Bound);
        var mp4 = await anyone.GetByteArrayAsync(download.GetString());
        Assert.True(mp4.Length > 100_000, $"the download has {mp4.Length} bytes");
        Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(mp4, 4, 4));
    }

    [Fact]
    public async Task Stream_CanOnlyBeOpenedForAScheduledOrLiveProgramme()
    {
        using var admin = await stack.Api.AsAsync("admin");
        var programme = (await (await admin.PostAsJsonAsync("/api/programmes", ApiClient.ProgrammeBody("审批讲座：已结束的节目", ["210102"], "ApprovalLecture"),
            ApiClient.Json)).ReadAsync<ProgrammeDetails>()).Id;
        (await admin.PostAsync($"/api/programmes/{programme}/live", null)).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/programmes/{programme}/end", null)).EnsureSuccessStatusCode();
        var refused = await admin.PostAsync($"/api/programmes/{programme}/live-stream", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("不能开启直播流", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/programmes/nosuchprogramme/live-stream", null)).StatusCode);
    }

    private async Task<long> PutQuestionOnAir(string programme)
    {
        await using var asker = await DeskClient.ConnectAsync(stack.Api, await Tokens.ViewerAsync(stack.Api));
        await using var host = await DeskClient.ConnectAsync(stack.Api, await Tokens.StaffAsync(stack.Api, "host"));
        var asked = await asker.Submit(programme, "请问灵活就业人员怎样参加养老保险？");
        Assert.True(asked.Ok, asked.Error?.Message);
        var id = asked.Value!.Question!.Id;
        foreach (var step in new[] { "Approve", "PutOnAir", "MarkAnswered" })
        {
            var reply = await host.Call<DeskStatus>(step, programme, id);
            Assert.True(reply.Ok, reply.Error?.Message);
        }
        return id;
    }

    /// <summary>
    /// PROGRAM-DATE-TIME is the ingest clock's: a segment cannot end later than the moment its playlist was read (a
    /// stamp ahead of that would show viewers a delay behind the studio seconds shorter than it is, even negative).
    /// </summary>
    private static void AssertNoSegmentAheadOfTheStudio(string playlist, DateTimeOffset readAt)
    {
        var stamped = 0;
        DateTimeOffset? at = null;
        foreach (var line in playlist.Split('\n'))
        {
            if (line.StartsWith("#EXT-X-PROGRAM-DATE-TIME:", StringComparison.Ordinal))
                at = DateTimeOffset.Parse(line["#EXT-X-PROGRAM-DATE-TIME:".Length..], System.Globalization.CultureInfo.InvariantCulture);
            else if (line.StartsWith("#EXTINF:", StringComparison.Ordinal) && at is { } start)
            {
                var end = start.AddSeconds(double.Parse(line["#EXTINF:".Length..].TrimEnd(','), System.Globalization.CultureInfo.InvariantCulture));
                Assert.True(end <= readAt.AddMilliseconds(250), $"a segment stamped to end at {end:HH:mm:ss.fff} was listed at {readAt:HH:mm:ss.fff}, ahead of the studio");
                (at, stamped) = (null, stamped + 1);
            }
        }
        Assert.True(stamped > 0, "the live playlist stamps its segments with PROGRAM-DATE-TIME");
    }
}

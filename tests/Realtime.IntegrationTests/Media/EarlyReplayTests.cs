using System.Net.Http.Json;
using System.Text.Json;
using Realtime.Contracts.Media;
using Realtime.Contracts.Programmes;
using Realtime.Testing;

namespace Realtime.IntegrationTests.Media;

/// <summary>
/// A replay plays while its recording is still being transcoded: the worker publishes the segments made so far, the
/// archive lists the programme as "processing" with a growing playlist, and the finished ladder replaces it.
/// </summary>
[Collection(MediaStackCollection.Name)]
public sealed class EarlyReplayTests(MediaStack stack)
{
    [Fact]
    public async Task Recording_PlaysWhileTranscoding_ThenTheFinishedReplayReplacesIt()
    {
        using var admin = await stack.Api.AsAsync("admin");
        var body = ApiClient.ProgrammeBody("人社局长谈灵活就业参保", ["210112"], "DirectorInterview");
        var programme = (await (await admin.PostAsJsonAsync("/api/programmes", body, ApiClient.Json)).ReadAsync<ProgrammeDetails>()).Id;
        (await admin.PostAsync($"/api/programmes/{programme}/live", null)).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/programmes/{programme}/end", null)).EnsureSuccessStatusCode();
        // 40 s of 720p: three rungs take the worker several times longer than the first segments do.
        var file = await stack.Sample("long-interview.mp4", "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25", "-f", "lavfi", "-i",
            "sine=frequency=440:sample_rate=48000", "-t", "40", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest");
        var job = await (await stack.UploadAsync(admin, programme, file)).ReadAsync<MediaJob>();
        using var anyone = stack.Api.CreateClient();

        // Early: listed as processing while the job still runs, with a growing (EVENT) playlist that is not cached.
        var early = await Eventually.Until(() => Detail(anyone, programme), d => d is not null, "the replay published early", TimeSpan.FromSeconds(300));
        var running = await stack.WaitForJob(admin, job.JobId, _ => true, "the job");
        Assert.False(running.IsFinished, $"the job should still run when its replay is first published, but is {running.State}");
        Assert.NotNull(running.PlayableAt);
        var item = early!.Value.GetProperty("item");
        Assert.True(item.GetProperty("entry").GetProperty("recording").GetProperty("processing").GetBoolean());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("downloadUrl").ValueKind);
        var master = await anyone.GetAsync(item.GetProperty("playlistUrl").GetString());
        Assert.True(master.Headers.CacheControl?.NoCache, "a growing playlist must not be cached");
        Assert.Contains($"/media/{job.JobId}/720p/index.m3u8", await master.Content.ReadAsStringAsync());
        var growing = await anyone.GetStringAsync($"/media/{job.JobId}/720p/index.m3u8");
        Assert.Contains("#EXT-X-PLAYLIST-TYPE:EVENT", growing);
        Assert.DoesNotContain("#EXT-X-ENDLIST", growing);
        var segments = Segments(growing);
        Assert.NotEmpty(segments);
        Assert.True((await anyone.GetByteArrayAsync(segments[0])).Length > 1000, "the first segment plays");

        // Finished: the same programme, now the whole VOD ladder with its download.
        var done = await stack.WaitForJob(admin, job.JobId, j => j.IsFinished, "the job finishing");
        Assert.True(done.State == MediaJobState.Succeeded, $"{done.State}: {done.FailureMessage}");
        var final = (await Detail(anyone, programme))!.Value.GetProperty("item");
        Assert.False(final.GetProperty("entry").GetProperty("recording").GetProperty("processing").GetBoolean());
        Assert.EndsWith("/download.mp4", final.GetProperty("downloadUrl").GetString());
        var finished = await anyone.GetAsync($"/media/{job.JobId}/720p/index.m3u8");
        Assert.Equal(TimeSpan.FromSeconds(300), finished.Headers.CacheControl?.MaxAge);
        var vod = await finished.Content.ReadAsStringAsync();
        Assert.Contains("#EXT-X-PLAYLIST-TYPE:VOD", vod);
        Assert.EndsWith("#EXT-X-ENDLIST\n", vod);
        Assert.True(Segments(vod).Count >= 9, $"40 s in 4 s segments, got {Segments(vod).Count}");
        Assert.Equal(segments, Segments(vod).Take(segments.Count));
    }

    private static List<string> Segments(string playlist) =>
        playlist.Split('\n').Where(l => l.EndsWith(".m4s", StringComparison.Ordinal)).ToList();

    private static async Task<JsonElement?> Detail(HttpClient anyone, string programme)
    {
        var response = await anyone.GetAsync($"/api/archive/{programme}");
        return response.IsSuccessStatusCode ? await response.ReadAsync<JsonElement>() : null;
    }
}

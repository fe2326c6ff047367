using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using Realtime.Contracts.Media;
using Realtime.Contracts.Programmes;
using Realtime.Testing;

namespace Realtime.IntegrationTests.Media;

/// <summary>
/// A recording belongs to a programme that has ended; a finished job archives it; a second recording replaces the
/// published replay only when an admin says so, and the old outputs go only once the new replay is published.
/// </summary>
[Collection(MediaStackCollection.Name)]
public sealed class RecordingLifecycleTests(MediaStack stack)
{
    [Fact]
    public async Task Upload_ScheduledOrLive_RefusedInChinese_AfterTheEndAFinishedJobArchivesTheProgramme()
    {
        using var admin = await stack.Api.AsAsync("admin");
        var body = ApiClient.ProgrammeBody("民政局长谈养老服务补贴", ["210104"], "DirectorInterview");
        var programme = (await (await admin.PostAsJsonAsync("/api/programmes", body, ApiClient.Json)).ReadAsync<ProgrammeDetails>()).Id;
        var file = await stack.Sample("lifecycle.mp4", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25", "-f", "lavfi", "-i",
            "sine=frequency=440:sample_rate=48000", "-t", "6", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest");
        var jobsBefore = await JobsOf(admin, programme);

        var scheduled = await stack.UploadAsync(admin, programme, file);
        (await admin.PostAsync($"/api/programmes/{programme}/live", null)).EnsureSuccessStatusCode();
        var live = await stack.UploadAsync(admin, programme, file);

        await AssertRefused(scheduled, "Scheduled", "结束后才能上传录像");
        await AssertRefused(live, "Live", "节目正在直播");
        Assert.Equal(jobsBefore, await JobsOf(admin, programme));

        (await admin.PostAsync($"/api/programmes/{programme}/end", null)).EnsureSuccessStatusCode();
        var job = await (await stack.UploadAsync(admin, programme, file)).ReadAsync<MediaJob>();
        var done = await stack.WaitForJob(admin, job.JobId, j => j.IsFinished, "the job finishing");

        Assert.True(done.State == MediaJobState.Succeeded, $"{done.State}: {done.FailureMessage}");
        using var anyone = stack.Api.CreateClient();
        Assert.Equal(ProgrammeState.Archived, (await (await anyone.GetAsync($"/api/programmes/{programme}")).ReadAsync<ProgrammeDetails>()).State);
        var entry = await (await anyone.GetAsync($"/api/archive/{programme}")).ReadAsync<JsonElement>();
        Assert.Equal("Archived", entry.GetProperty("item").GetProperty("entry").GetProperty("programme").GetProperty("state").GetString());
    }

    [Fact]
    public async Task SecondRecording_OnlyAnExplicitReplacementReplacesTheReplay_CancelledKeepsIt_OldOutputsGoOnceTheNewIsPublished()
    {
        using var admin = await stack.Api.AsAsync("admin");
        using var anyone = stack.Api.CreateClient();
        var programme = await EndedProgramme(admin, "房产局长谈回迁安置");
        var first = await stack.Sample("replay-first.mp4", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25", "-f", "lavfi", "-i",
            "sine=frequency=440:sample_rate=48000", "-t", "6", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest");
        var old = await (await stack.UploadAsync(admin, programme, first)).ReadAsync<MediaJob>();
        Assert.Equal(MediaJobState.Succeeded, (await stack.WaitForJob(admin, old.JobId, j => j.IsFinished, "the first recording")).State);

        // Without saying so, a second recording is refused and creates no job.
        var jobsBefore = await JobsOf(admin, programme);
        await AssertRefused(await stack.UploadAsync(admin, programme, first), "HasRecording", "已经发布了录像");
        Assert.Equal(jobsBefore, await JobsOf(admin, programme));

        // A replacement cancelled on its way: the published replay stays as it was.
        var cancelled = await (await stack.UploadAsync(admin, programme, first, replace: true)).ReadAsync<MediaJob>();
        Assert.True(cancelled.Replace);
        (await admin.PostAsync($"/api/media/jobs/{cancelled.JobId}/cancel", null)).EnsureSuccessStatusCode();
        Assert.Equal(old.JobId, await PublishedJob(anyone, programme));
        Assert.True((await anyone.GetAsync($"/media/{old.JobId}/master.m3u8")).IsSuccessStatusCode, "the old replay still plays");

        // A replacement that finishes: while it runs the old replay plays; once it is published, the old outputs go.
        var longer = await stack.Sample("replay-second.mp4", "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25", "-f", "lavfi", "-i",
            "sine=frequency=300:sample_rate=48000", "-t", "30", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest");
        var replacement = await (await stack.UploadAsync(admin, programme, longer, replace: true)).ReadAsync<MediaJob>();
        var running = await stack.WaitForJob(admin, replacement.JobId, j => j.State is MediaJobState.Running || j.IsFinished, "the replacement running");
        if (!running.IsFinished)
        {
            Assert.Equal(old.JobId, await PublishedJob(anyone, programme));
            Assert.True(await OutputsExist(old.JobId), "the old outputs stay while the replacement is transcoded");
        }
        var done = await stack.WaitForJob(admin, replacement.JobId, j => j.IsFinished, "the replacement finishing");

        Assert.True(done.State == MediaJobState.Succeeded, $"{done.State}: {done.FailureMessage}");
        Assert.Equal(old.JobId, done.ReplacedJobId);
        Assert.Equal(replacement.JobId, await PublishedJob(anyone, programme));
        Assert.True((await anyone.GetAsync($"/media/{replacement.JobId}/master.m3u8")).IsSuccessStatusCode, "the new replay plays");
        Assert.False(await OutputsExist(old.JobId), "the replaced replay's outputs are deleted");
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/media/{old.JobId}/master.m3u8")).StatusCode);
        var superseded = (await (await admin.GetAsync("/api/media/jobs")).ReadAsync<MediaJob[]>()).Single(j => j.JobId == old.JobId);
        Assert.Equal(replacement.JobId, superseded.SupersededBy);
    }

    [Fact]
    public async Task SilentSlideshow_FailsAtOnceWithBothReasonsAsAList()
    {
        using var admin = await stack.Api.AsAsync("admin");
        var programme = await EndedProgramme(admin, "审批讲座：无声幻灯片");
        var file = await stack.Sample("silent-slides.mp4", "-f", "lavfi", "-i", "testsrc2=size=360x640:rate=5:duration=4",
            "-c:v", "libx264", "-preset", "ultrafast");

        var job = await (await stack.UploadAsync(admin, programme, file)).ReadAsync<MediaJob>();
        var failed = await stack.WaitForJob(admin, job.JobId, j => j.IsFinished, "the silent slideshow failing");

        Assert.Equal(MediaJobState.Failed, failed.State);
        Assert.Equal(1, failed.Attempts);
        Assert.Equal(["no_audio", "frame_rate"], failed.FailureReasons.Select(r => r.Code));
        Assert.All(failed.FailureReasons, r => Assert.Matches("[\u4e00-\u9fff]", r.Message));
    }

    private static async Task AssertRefused(HttpResponseMessage response, string state, string words)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(state, problem.GetProperty("state").GetString());
        Assert.Contains(words, problem.GetProperty("detail").GetString());
    }

    private static async Task<int> JobsOf(HttpClient admin, string programme) =>
        (await (await admin.GetAsync("/api/media/jobs")).ReadAsync<MediaJob[]>()).Count(j => j.ProgrammeId == programme);

    private static async Task<string?> PublishedJob(HttpClient anyone, string programme)
    {
        var entry = await (await anyone.GetAsync($"/api/archive/{programme}")).ReadAsync<JsonElement>();
        return entry.GetProperty("item").GetProperty("entry").GetProperty("recording").GetProperty("jobId").GetString();
    }

    private async Task<bool> OutputsExist(string jobId) =>
        (await new BlobServiceClient(stack.Azurite.ConnectionString).GetBlobContainerClient(MediaJob.OutputContainerOf(jobId)).ExistsAsync()).Value;

    private static async Task<string> EndedProgramme(HttpClient admin, string title)
    {
        var body = ApiClient.ProgrammeBody(title, ["210103"], "DirectorInterview");
        var programme = await (await admin.PostAsJsonAsync("/api/programmes", body, ApiClient.Json)).ReadAsync<ProgrammeDetails>();
        (await admin.PostAsync($"/api/programmes/{programme.Id}/live", null)).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/programmes/{programme.Id}/end", null)).EnsureSuccessStatusCode();
        return programme.Id;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Realtime.Contracts.Media;
using Realtime.Contracts.Programmes;
using Realtime.Testing;

namespace Realtime.IntegrationTests.Media;

/// <summary>Upload → queue → real MediaWorker running ffmpeg → Blob storage → archive and playback, end to end.</summary>
[Collection(MediaStackCollection.Name)]
public sealed class MediaPipelineTests(MediaStack stack)
{
    [Fact]
    public async Task ResumedUpload_IsTranscodedByTheWorker_ProgressIsPushed_AndTheArchivePlays()
    {
        using var admin = await stack.Api.AsAsync("admin");
        var programme = await EndedProgramme(admin, "农业局长谈土地承包", "210115");
        var file = await stack.Sample("interview.mp4", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25", "-f", "lavfi", "-i",
            "sine=frequency=440:sample_rate=48000", "-t", "12", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest");

        // Watch the jobs like the admin page does.
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(stack.Api.BaseAddress, "hubs/live"), o => o.AccessTokenProvider = async () => await Tokens.StaffAsync(stack.Api, "admin"))
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
            .Build();
        var seen = new List<MediaJob>();
        hub.On<MediaJob, int?>("MediaJobChanged", (job, _) => { lock (seen) seen.Add(job); });
        await hub.StartAsync();
        await hub.InvokeAsync<MediaJob[]>("WatchMedia");

        // A network drop after half the blocks: the resumed ticket lists what is already there.
        var start = await admin.PostAsJsonAsync($"/api/programmes/{programme}/recordings",
            new { fileName = "采访录像.mp4", sizeBytes = new FileInfo(file).Length, contentType = "video/mp4" });
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var ticket = await start.ReadAsync<JsonElement>();
        var blocks = ticket.GetProperty("blockIds").GetArrayLength();
        Assert.True(blocks > 2, $"the sample should need several blocks, got {blocks}");
        await MediaStack.PutBlocks(ticket, file, i => i < blocks / 2);
        var recordingId = ticket.GetProperty("session").GetProperty("recordingId").GetString();
        var early = await admin.PostAsync($"/api/recordings/{recordingId}/complete", null);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        var resumed = await (await admin.GetAsync($"/api/recordings/{recordingId}")).ReadAsync<JsonElement>();
        Assert.Equal(blocks / 2, resumed.GetProperty("uploadedBlocks").GetArrayLength());
        await MediaStack.PutBlocks(resumed, file, _ => true);
        var job = await (await admin.PostAsync($"/api/recordings/{recordingId}/complete", null)).ReadAsync<MediaJob>();

        bool Pushed(MediaJobState state)
        {
            lock (seen) return seen.Any(j => j.JobId == job.JobId && j.State == state);
        }
        var done = await stack.WaitForJob(admin, job.JobId, j => j.IsFinished, "the job finishing");
        Assert.True(done.State == MediaJobState.Succeeded, $"{done.State}: {done.FailureMessage} {string.Join('\n', done.StderrTail)}");
        // The worker's own metrics count the job and how fast ffmpeg ran (Prometheus scrapes its health port).
        var workerMetrics = await Eventually.Until(
            () => new HttpClient().GetStringAsync($"http://127.0.0.1:{stack.Worker.HealthPort}/metrics"),
            text => text.Contains("realtime_transcode_jobs_total{", StringComparison.Ordinal) && text.Contains("realtime_transcode_speed_bucket{", StringComparison.Ordinal),
            "the finished job in the worker's /metrics");
        Assert.Contains("outcome=\"succeeded\"", workerMetrics);
        // The push of the last change may land a moment after the job list shows it.
        await Eventually.Until(() => Task.FromResult(Pushed(MediaJobState.Succeeded)), pushed => pushed, "the Succeeded push", TimeSpan.FromSeconds(10));
        Assert.True(Pushed(MediaJobState.Running), "the Running state was pushed");

        // Published: the programme is archived and findable by the text of its title.
        using var anyone = stack.Api.CreateClient();
        Assert.Equal(ProgrammeState.Archived, (await (await anyone.GetAsync($"/api/programmes/{programme}")).ReadAsync<ProgrammeDetails>()).State);
        var found = await anyone.AllPagesAsync<JsonElement>("/api/archive?q=" + Uri.EscapeDataString("土地承包") + "&district=210115");
        var item = found.Single(i => i.GetProperty("entry").GetProperty("programme").GetProperty("id").GetString() == programme);
        var playlistUrl = item.GetProperty("playlistUrl").GetString()!;

        // Playback: playlists come back with absolute /media paths; segments redirect to a short-lived SAS.
        var master = await anyone.GetStringAsync(playlistUrl);
        Assert.Contains("#EXT-X-STREAM-INF", master);
        Assert.Contains($"/media/{job.JobId}/360p/index.m3u8", master);
        var variant = await anyone.GetStringAsync($"/media/{job.JobId}/360p/index.m3u8");
        var segment = variant.Split('\n').First(l => l.EndsWith(".m4s", StringComparison.Ordinal));
        Assert.StartsWith($"/media/{job.JobId}/360p/", segment);
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = stack.Api.BaseAddress };
        var redirect = await noRedirect.GetAsync(segment);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Contains("sig=", redirect.Headers.Location!.Query);
        var bytes = await anyone.GetByteArrayAsync(segment);
        Assert.True(bytes.Length > 1000);
        var download = item.GetProperty("downloadUrl").GetString()!;
        var mp4 = await anyone.GetAsync(download);
        Assert.Equal("video/mp4", mp4.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task NotAMediaFile_FailsWithAReasonAPersonUnderstands_AndTheWorkerKeepsServing()
    {
        using var admin = await stack.Api.AsAsync("admin");
        var programme = await EndedProgramme(admin, "审批讲座：错误的文件", "210113");
        var fake = Path.Combine(stack.Samples, "not-video.mp4");
        await File.WriteAllTextAsync(fake, string.Concat(Enumerable.Repeat("这不是视频文件。", 2000)));
        var bad = await (await stack.UploadAsync(admin, programme, fake)).ReadAsync<MediaJob>();
        var failed = await stack.WaitForJob(admin, bad.JobId, j => j.IsFinished, "the bad job finishing");
        Assert.Equal(MediaJobState.Failed, failed.State);
        Assert.Equal(1, failed.Attempts);
        Assert.False(string.IsNullOrWhiteSpace(failed.FailureMessage));
        Assert.Matches("[\u4e00-\u9fff]", failed.FailureMessage!);

        var radio = await EndedProgramme(admin, "连心桥热线：房产专场", "210113", "LianxinqiaoHotline");
        var audio = await stack.Sample("hotline.m4a", "-f", "lavfi", "-i", "sine=frequency=300:sample_rate=44100", "-t", "10", "-c:a", "aac");
        var good = await (await stack.UploadAsync(admin, radio, audio)).ReadAsync<MediaJob>();
        var succeeded = await stack.WaitForJob(admin, good.JobId, j => j.IsFinished, "the radio job after the bad one");
        Assert.Equal(MediaJobState.Succeeded, succeeded.State);
        var entry = await (await stack.Api.CreateClient().GetAsync($"/api/archive/{radio}")).ReadAsync<JsonElement>();
        Assert.EndsWith("download.m4a", entry.GetProperty("item").GetProperty("downloadUrl").GetString());
    }

    [Theory]
    [InlineData("empty.mp4", 0L, "sizeBytes")]
    [InlineData("huge.mp4", 1L << 45, "sizeBytes")]
    [InlineData("notes.txt", 1000L, "fileName")]
    public async Task Upload_BadFile_Returns400NamingTheField_AndCreatesNoJob(string name, long size, string field)
    {
        using var admin = await stack.Api.AsAsync("admin");
        var programme = await EndedProgramme(admin, "上传校验", "210113");
        var before = (await (await admin.GetAsync("/api/media/jobs")).ReadAsync<MediaJob[]>()).Length;
        var response = await admin.PostAsJsonAsync($"/api/programmes/{programme}/recordings", new { fileName = name, sizeBytes = size });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"field\":\"{field}\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, (await (await admin.GetAsync("/api/media/jobs")).ReadAsync<MediaJob[]>()).Length);
    }

    [Fact]
    public async Task MediaEndpoints_AreForAdminsOnly_AndWorkersNeedTheirKey()
    {
        using var anonymous = stack.Api.CreateClient();
        using var host = await stack.Api.AsAsync("host");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/media/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.GetAsync("/api/media/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostAsJsonAsync("/api/programmes/p-x/recordings", new { fileName = "a.mp4", sizeBytes = 10 })).StatusCode);

        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(stack.Api.GrpcAddress);
        var client = new Realtime.Media.Grpc.MediaJobs.MediaJobsClient(channel);
        var error = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => client.LeaseAsync(new Realtime.Media.Grpc.LeaseRequest { WorkerId = "intruder" }).ResponseAsync);
        Assert.Equal(Grpc.Core.StatusCode.Unauthenticated, error.StatusCode);
    }

    private static async Task<string> EndedProgramme(HttpClient admin, string title, string district, string series = "DirectorInterview")
    {
        var body = ApiClient.ProgrammeBody(title, [district], series);
        var programme = await (await admin.PostAsJsonAsync("/api/programmes", body, ApiClient.Json)).ReadAsync<ProgrammeDetails>();
        (await admin.PostAsync($"/api/programmes/{programme.Id}/live", null)).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/programmes/{programme.Id}/end", null)).EnsureSuccessStatusCode();
        return programme.Id;
    }
}

using System.Diagnostics;
using Realtime.Contracts.Media;
using Realtime.Contracts.Programmes;
using Realtime.Testing;
using System.Net.Http.Json;

namespace Realtime.IntegrationTests.Media;

/// <summary>A worker SIGKILLed in the middle of a job leaves no ffmpeg behind, and the job is done by the next worker.</summary>
[Collection(MediaStackCollection.Name)]
public sealed class WorkerKillTests(MediaStack stack)
{
    [Fact]
    public async Task WorkerKilledWhileTranscoding_NoFfmpegOutlivesIt_AndTheJobIsRetried()
    {
        var victim = await stack.ReplaceWorkerAsync(new WorkerProcess(stack.Api));
        try
        {
            using var admin = await stack.Api.AsAsync("admin");
            var body = ApiClient.ProgrammeBody("社区讲堂：被中断的转码", ["210106"], "CommunityForum");
            var programme = (await (await admin.PostAsJsonAsync("/api/programmes", body, ApiClient.Json)).ReadAsync<ProgrammeDetails>()).Id;
            (await admin.PostAsync($"/api/programmes/{programme}/live", null)).EnsureSuccessStatusCode();
            (await admin.PostAsync($"/api/programmes/{programme}/end", null)).EnsureSuccessStatusCode();
            var file = await stack.Sample("to-be-killed.mp4", "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25", "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=48000", "-t", "40", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest");
            var job = await (await stack.UploadAsync(admin, programme, file)).ReadAsync<MediaJob>();
            var marker = $"job-{job.JobId}-1";

            var running = await Eventually.Until(() => Task.FromResult(ProcessTable.Mentioning(marker)), pids => pids.Count > 0,
                "ffmpeg running the job", TimeSpan.FromSeconds(120));
            using (var worker = Process.GetProcessById(victim.Process!.Pid))
                worker.Kill(); // SIGKILL to the worker alone, not to its children

            var left = await Eventually.Until(() => Task.FromResult(ProcessTable.Mentioning(marker)), pids => pids.Count == 0,
                "every ffmpeg of the killed worker gone", TimeSpan.FromSeconds(20));
            Assert.Empty(left);
            Assert.NotEmpty(running);

            await stack.RestoreWorkerAsync();
            var done = await stack.WaitForJob(admin, job.JobId, j => j.IsFinished, "the job finishing on the next worker");
            Assert.True(done.State == MediaJobState.Succeeded, $"{done.State}: {done.FailureMessage}");
            Assert.Equal(2, done.Attempts);
        }
        finally
        {
            if (stack.Worker == victim)
                await stack.RestoreWorkerAsync();
        }
    }
}

using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Realtime.Contracts.Media;
using Realtime.Testing;

namespace Realtime.IntegrationTests.Media;

/// <summary>Azurite, a silo, a LiveApi with small upload blocks, and one real MediaWorker running ffmpeg.</summary>
public sealed class MediaStack : TestStack
{
    public WorkerProcess Worker { get; private set; } = null!;
    public string Samples { get; } = Directory.CreateTempSubdirectory("rt-media-").FullName;

    protected override IReadOnlyDictionary<string, string> LiveApiSettings => new Dictionary<string, string>
    {
        ["Media__BlockSizeBytes"] = "262144",
        ["Media__LeaseSeconds"] = "10",
        // Shorter than most jobs here: every media test also checks that the worker's SAS is renewed with its lease.
        ["Media__TransferSasLifetime"] = "00:00:20",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Worker = new WorkerProcess(Api);
        await Worker.StartAsync();
    }

    /// <summary>Stops the stack's worker (its jobs go back to the queue) and returns a fresh one started in its place.</summary>
    public async Task<WorkerProcess> ReplaceWorkerAsync(WorkerProcess next)
    {
        await Worker.DisposeAsync();
        Worker = next;
        await next.StartAsync();
        return next;
    }

    /// <summary>Starts a normal worker again after a test replaced it.</summary>
    public Task RestoreWorkerAsync() => ReplaceWorkerAsync(new WorkerProcess(Api));

    public override async Task DisposeAsync()
    {
        await Worker.DisposeAsync();
        await base.DisposeAsync();
        try { Directory.Delete(Samples, recursive: true); } catch (IOException) { }
    }

    /// <summary>A short test recording made with the real ffmpeg (lavfi test pattern and tone).</summary>
    public async Task<string> Sample(string name, params string[] ffmpegArgs)
    {
        var path = Path.Combine(Samples, name);
        var info = new ProcessStartInfo("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", .. ffmpegArgs, path]) { RedirectStandardError = true };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("ffmpeg is missing: run ./realtime setup (apt-get install -y ffmpeg).");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"ffmpeg could not make the sample {name}: {error}");
        return path;
    }

    /// <summary>Uploads like the admin page: blocks straight to Blob storage with the SAS, then "complete".</summary>
    public async Task<HttpResponseMessage> UploadAsync(HttpClient admin, string programmeId, string file, Func<int, bool>? sendBlock = null,
        bool replace = false)
    {
        var start = await admin.PostAsJsonAsync($"/api/programmes/{programmeId}/recordings",
            new { fileName = Path.GetFileName(file), sizeBytes = new FileInfo(file).Length, contentType = "video/mp4", replace });
        if (!start.IsSuccessStatusCode)
            return start;
        var ticket = await start.ReadAsync<JsonElement>();
        await PutBlocks(ticket, file, sendBlock ?? (_ => true));
        var id = ticket.GetProperty("session").GetProperty("recordingId").GetString();
        return await admin.PostAsync($"/api/recordings/{id}/complete", null);
    }

    public static async Task PutBlocks(JsonElement ticket, string file, Func<int, bool> sendBlock)
    {
        var url = ticket.GetProperty("uploadUrl").GetString()!;
        var blockSize = ticket.GetProperty("session").GetProperty("blockSize").GetInt32();
        var ids = ticket.GetProperty("blockIds").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var done = ticket.GetProperty("uploadedBlocks").EnumerateArray().Select(e => e.GetInt32()).ToHashSet();
        var bytes = await File.ReadAllBytesAsync(file);
        using var storage = new HttpClient();
        for (var i = 0; i < ids.Length; i++)
        {
            if (done.Contains(i) || !sendBlock(i))
                continue;
            var chunk = new ByteArrayContent(bytes, i * blockSize, Math.Min(blockSize, bytes.Length - i * blockSize));
            var response = await storage.PutAsync($"{url}&comp=block&blockid={Uri.EscapeDataString(ids[i])}", chunk);
            response.EnsureSuccessStatusCode();
        }
    }

    public async Task<MediaJob> WaitForJob(HttpClient admin, string jobId, Func<MediaJob, bool> done, string what) =>
        await Eventually.WhileProgressing(
            async () => (await (await admin.GetAsync("/api/media/jobs")).ReadAsync<MediaJob[]>()).Single(j => j.JobId == jobId),
            done, j => (j.State, j.Version), what);
}

[CollectionDefinition(Name)]
public sealed class MediaStackCollection : ICollectionFixture<MediaStack>
{
    public const string Name = "media stack";
}

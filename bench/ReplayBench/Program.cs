// Early replay benchmark. Run: dotnet run -c Release --project bench/ReplayBench [-- --minutes 120 --short 2]
// Starts Azurite, a silo, LiveApi and one MediaWorker; uploads a short and a long 720p recording (a 60 s clip repeated
// without re-encoding, at a TV bitrate) and prints, for each, the time from the end of the upload to a playable replay:
// the archive lists it and its master playlist, a variant playlist and the first segment are served. The long job is
// then cancelled; the short one runs to the end for comparison.
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Realtime.Contracts.Media;
using Realtime.Testing;

var longMinutes = Arg("--minutes", 120);
var shortMinutes = Arg("--short", 2);
Console.WriteLine($"Early replay benchmark — {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

var folder = Directory.CreateTempSubdirectory("rt-replay-").FullName;
try
{
    var clip = Path.Combine(folder, "clip.mp4");
    await Ffmpeg("-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
        "-t", "60", "-c:v", "libx264", "-preset", "ultrafast", "-b:v", "2500k", "-maxrate", "2500k", "-bufsize", "5000k",
        "-g", "50", "-c:a", "aac", "-b:a", "128k", "-shortest", clip);
    var shortFile = await Repeat(clip, shortMinutes, "short.mp4");
    var longFile = await Repeat(clip, longMinutes, "long.mp4");

    await using var azurite = await Azurite.StartAsync();
    var cluster = "replay-" + Guid.NewGuid().ToString("N")[..6];
    await using var silo = new SiloProcess(azurite, cluster);
    await silo.StartAsync();
    await using var api = new LiveApiProcess(azurite, cluster);
    await api.StartAsync();
    await using var worker = new WorkerProcess(api);
    await worker.StartAsync();
    using var admin = await api.AsAsync("admin");

    var shortJob = await Measure(api, admin, shortFile, $"{shortMinutes}-minute");
    var finished = await Eventually.Until(() => Job(admin, shortJob.JobId), j => j.IsFinished, "the short job finishing", TimeSpan.FromHours(1));
    Console.WriteLine($"  {shortMinutes}-minute job {finished.State} {(finished.FinishedAt!.Value - finished.CreatedAt).TotalSeconds:F0} s after the upload completed");
    var longJob = await Measure(api, admin, longFile, $"{longMinutes}-minute");
    (await admin.PostAsync($"/api/media/jobs/{longJob.JobId}/cancel", null)).EnsureSuccessStatusCode();
    Console.WriteLine($"  (the {longMinutes}-minute job was cancelled after that: at 2× realtime it would run about {longMinutes / 2} minutes)");
}
finally
{
    Directory.Delete(folder, recursive: true);
}
return;

static async Task<MediaJob> Measure(LiveApiProcess api, HttpClient admin, string file, string label)
{
    var programme = await admin.ScheduleAsync($"回放测试 {label}", ["210102"]);
    (await admin.PostAsync($"/api/programmes/{programme.Id}/live", null)).EnsureSuccessStatusCode();
    (await admin.PostAsync($"/api/programmes/{programme.Id}/end", null)).EnsureSuccessStatusCode();
    var size = new FileInfo(file).Length;
    var ticket = await (await admin.PostAsJsonAsync($"/api/programmes/{programme.Id}/recordings",
        new { fileName = Path.GetFileName(file), sizeBytes = size, contentType = "video/mp4" })).ReadAsync<JsonElement>();
    var uploading = Stopwatch.StartNew();
    await Upload(ticket, file);
    var recording = ticket.GetProperty("session").GetProperty("recordingId").GetString();
    var job = await (await admin.PostAsync($"/api/recordings/{recording}/complete", null)).ReadAsync<MediaJob>();
    var upload = uploading.Elapsed;
    var clock = Stopwatch.StartNew();

    using var viewer = api.CreateClient();
    var detail = await Eventually.Until(async () =>
    {
        var response = await viewer.GetAsync($"/api/archive/{programme.Id}");
        return response.IsSuccessStatusCode ? await response.ReadAsync<JsonElement>() : (JsonElement?)null;
    }, d => d is not null, $"the {label} replay in the archive", TimeSpan.FromMinutes(30));
    var listed = clock.Elapsed;
    var master = await viewer.GetStringAsync(detail!.Value.GetProperty("item").GetProperty("playlistUrl").GetString());
    var variant = master.Split('\n').First(l => l.EndsWith(".m3u8", StringComparison.Ordinal) && !l.Contains("audio", StringComparison.Ordinal));
    var playlist = await viewer.GetStringAsync(variant);
    var segment = await viewer.GetByteArrayAsync(playlist.Split('\n').First(l => l.EndsWith(".m4s", StringComparison.Ordinal)));
    var playable = clock.Elapsed;
    Console.WriteLine($"{label} recording ({size / 1e6:F0} MB, uploaded in {upload.TotalSeconds:F0} s): listed in the archive {listed.TotalSeconds:F1} s " +
        $"after the upload completed, first segment ({segment.Length / 1024} KiB) served {playable.TotalSeconds:F1} s after");
    return job;
}

static async Task<MediaJob> Job(HttpClient admin, string jobId) =>
    (await (await admin.GetAsync("/api/media/jobs")).ReadAsync<MediaJob[]>()).Single(j => j.JobId == jobId);

// Blocks straight to Blob storage with the ticket's SAS, four at a time, read from disk (files can pass 2 GB).
static async Task Upload(JsonElement ticket, string file)
{
    var url = ticket.GetProperty("uploadUrl").GetString()!;
    var size = ticket.GetProperty("session").GetProperty("blockSize").GetInt32();
    var ids = ticket.GetProperty("blockIds").EnumerateArray().Select(e => e.GetString()!).ToArray();
    using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
    await Parallel.ForEachAsync(Enumerable.Range(0, ids.Length), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, token) =>
    {
        var buffer = new byte[size];
        await using var stream = File.OpenRead(file);
        stream.Position = (long)i * size;
        var read = await stream.ReadAtLeastAsync(buffer, size, throwOnEndOfStream: false, token);
        using var content = new ByteArrayContent(buffer, 0, read);
        (await http.PutAsync($"{url}&comp=block&blockid={Uri.EscapeDataString(ids[i])}", content, token)).EnsureSuccessStatusCode();
    });
}

async Task<string> Repeat(string clip, int minutes, string name)
{
    var path = Path.Combine(folder, name);
    await Ffmpeg("-stream_loop", (minutes - 1).ToString(), "-i", clip, "-c", "copy", path);
    return path;
}

static async Task Ffmpeg(params string[] arguments)
{
    using var process = Process.Start("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", .. arguments])!;
    await process.WaitForExitAsync();
    if (process.ExitCode != 0)
        throw new InvalidOperationException("ffmpeg failed: " + string.Join(' ', arguments));
}

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
}

// Fault scripts. Run: dotnet run -c Release --project bench/FaultBench [-- silo|liveapi|worker|azurite|all]
// Each scenario starts its own processes (Azurite, silos, LiveApi hosts, workers) on free ports, breaks one under load
// and prints what was acknowledged, what is present afterwards and how long recovery took.
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Realtime.Bench.Faults;
using Realtime.Contracts.Media;
using Realtime.Contracts.Questions;
using Realtime.Testing;

var which = args.FirstOrDefault() ?? "all";
var siloRate = args.Length > 1 && int.TryParse(args[1], out var r) ? r : 1000;
Console.WriteLine($"Fault scripts — {which}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
if (which is "silo" or "all") await KillSilo(siloRate);
if (which is "liveapi" or "all") await KillLiveApi();
if (which is "worker" or "all") await KillWorker();
if (which is "azurite" or "all") await StopAzurite();
return;

static Dictionary<string, string> Lenient() => new() { ["Desk__SubmitsPerMinute"] = "100000" };

static async Task<(Azurite Azurite, string Cluster, List<SiloProcess> Silos, List<LiveApiProcess> Apis)> Stack(int silos, int apis)
{
    var azurite = await Azurite.StartAsync();
    var cluster = "fault-" + Guid.NewGuid().ToString("N")[..6];
    var siloList = new List<SiloProcess>();
    for (var i = 0; i < silos; i++)
    {
        var silo = new SiloProcess(azurite, cluster, extra: Lenient());
        await silo.StartAsync();
        siloList.Add(silo);
    }
    var apiList = Enumerable.Range(0, apis).Select(_ => new LiveApiProcess(azurite, cluster, new Dictionary<string, string> { ["Media__LeaseSeconds"] = "6" })).ToList();
    await Task.WhenAll(apiList.Select(a => a.StartAsync()));
    return (azurite, cluster, siloList, apiList);
}

static async Task Dispose(Azurite azurite, IEnumerable<SiloProcess> silos, IEnumerable<LiveApiProcess> apis)
{
    foreach (var api in apis) await api.DisposeAsync();
    foreach (var silo in silos) await silo.DisposeAsync();
    await azurite.DisposeAsync();
}

static async Task<string> LiveProgramme(LiveApiProcess api)
{
    using var admin = await api.AsAsync("admin");
    var programme = await admin.ScheduleAsync("故障演练", ["210102"]);
    (await admin.PostAsync($"/api/programmes/{programme.Id}/live", null)).EnsureSuccessStatusCode();
    return programme.Id;
}

static async Task<Dictionary<long, string>> Present(LiveApiProcess api, string programmeId)
{
    using var host = await api.AsAsync("host");
    var snapshot = await Eventually.Until(
        async () => await (await host.GetAsync($"/api/programmes/{programmeId}/moderation")).ReadAsync<ModeratorSnapshot>(),
        s => s is not null, "the desk after recovery", TimeSpan.FromSeconds(120));
    return snapshot.Questions.ToDictionary(q => q.Id, q => q.Text);
}

static void Verdict(SubmitLoad load, Dictionary<long, string> present)
{
    var lost = load.Acknowledged.Count(a => !present.TryGetValue(a.Key, out var t) || t != a.Value);
    Console.WriteLine($"  sent {load.Sent}, acknowledged {load.Acknowledged.Count}, acknowledged and present afterwards {load.Acknowledged.Count - lost}, LOST {lost}");
    Console.WriteLine($"  refusals while broken: {load.ErrorSummary()}");
}

// 1. SIGKILL a silo during 1,000 submits/s (or the rate given: `silo 300`).
static async Task KillSilo(int rate)
{
    Console.WriteLine($"\n[silo] two silos, one LiveApi; {rate} submits/s for 12 s from 1,000 viewers; SIGKILL one silo after 4 s");
    var (azurite, _, silos, apis) = await Stack(2, 1);
    var programme = await LiveProgramme(apis[0]);
    var viewers = await Task.WhenAll(Enumerable.Range(0, 1000).Select(async _ => await DeskClient.ConnectAsync(apis[0], await Tokens.ViewerAsync(apis[0]))));
    var load = new SubmitLoad(programme, viewers);
    var running = load.RunAsync(rate, TimeSpan.FromSeconds(12));
    await Task.Delay(TimeSpan.FromSeconds(4));
    Console.WriteLine($"  before the kill: {load.Acknowledged.Count} acknowledged of {load.Sent} sent");
    var killedAt = Stopwatch.StartNew();
    await silos[1].KillAsync();
    await running;
    Console.WriteLine($"  load finished {killedAt.Elapsed.TotalSeconds:F1} s after the kill");
    Verdict(load, await Present(apis[0], programme));
    foreach (var v in viewers) await v.DisposeAsync();
    await Dispose(azurite, silos, apis);
}

// 2. SIGKILL a LiveApi with viewers connected: they reconnect to the other and resync.
static async Task KillLiveApi()
{
    const int count = 300;
    Console.WriteLine($"\n[liveapi] two LiveApi hosts; {count} viewers on the first; SIGKILL it; viewers fail over to the second and resync");
    var (azurite, _, silos, apis) = await Stack(1, 2);
    var programme = await LiveProgramme(apis[0]);
    var resynced = new List<double>();
    var failedOver = 0;
    var killedAt = 0L;
    var connections = new List<HubConnection>();
    for (var i = 0; i < count; i++)
    {
        var hub = apis[0].LiveHub();
        var desk = new HubConnectionBuilder().WithUrl(new Uri(apis[0].BaseAddress, "hubs/desk")).Build();
        desk.Closed += async _ =>
        {
            // Fail over: the page's reconnect logic would pick the next host the same way.
            var other = new HubConnectionBuilder().WithUrl(new Uri(apis[1].BaseAddress, "hubs/desk")).Build();
            for (var attempt = 0; attempt < 20; attempt++)
            {
                try
                {
                    await other.StartAsync();
                    var snapshot = await other.InvokeAsync<JsonElement>("Join", programme);
                    if (snapshot.GetProperty("ok").GetBoolean())
                    {
                        lock (resynced)
                        {
                            resynced.Add(Stopwatch.GetElapsedTime(killedAt).TotalMilliseconds);
                            failedOver++;
                        }
                        lock (connections) connections.Add(other);
                        return;
                    }
                }
                catch (Exception) { await Task.Delay(200); }
            }
        };
        await desk.StartAsync();
        await desk.InvokeAsync<JsonElement>("Join", programme);
        connections.Add(desk);
        await hub.DisposeAsync();
    }
    killedAt = Stopwatch.GetTimestamp();
    await apis[0].KillAsync();
    await Eventually.Until(() => Task.FromResult(failedOver), n => n >= count, "every viewer resynced on the other host", TimeSpan.FromSeconds(60))
        .ContinueWith(_ => { }, TaskScheduler.Default);
    resynced.Sort();
    Console.WriteLine($"  {failedOver} of {count} viewers resynced on the other host; time from kill to resynced snapshot: " +
        $"p50 {resynced[resynced.Count / 2]:F0} ms, p99 {resynced[(int)(resynced.Count * 0.99)]:F0} ms, max {resynced[^1]:F0} ms");
    foreach (var c in connections) await c.DisposeAsync();
    await Dispose(azurite, silos, apis);
}

// 3. SIGKILL a worker mid-transcode: the job completes on the other.
async Task KillWorker()
{
    Console.WriteLine("\n[worker] two workers; SIGKILL the one transcoding; the lease (6 s) expires and the other finishes the job");
    var (azurite, _, silos, apis) = await Stack(1, 1);
    var workers = new[] { new WorkerProcess(apis[0]), new WorkerProcess(apis[0]) };
    await Task.WhenAll(workers.Select(w => w.StartAsync()));
    using var admin = await apis[0].AsAsync("admin");
    var programme = await admin.ScheduleAsync("转码故障演练", ["210102"]);
    (await admin.PostAsync($"/api/programmes/{programme.Id}/live", null)).EnsureSuccessStatusCode();
    (await admin.PostAsync($"/api/programmes/{programme.Id}/end", null)).EnsureSuccessStatusCode();
    var sample = Path.Combine(Path.GetTempPath(), $"fault-{Guid.NewGuid():N}.mp4");
    using (var ffmpeg = Process.Start("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25", "-f", "lavfi", "-i", "sine=frequency=440", "-t", "60", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest", sample]))
        await ffmpeg!.WaitForExitAsync();
    var ticket = await (await admin.PostAsJsonAsync($"/api/programmes/{programme.Id}/recordings", new { fileName = "fault.mp4", sizeBytes = new FileInfo(sample).Length })).ReadAsync<JsonElement>();
    await Upload(ticket, sample);
    var job = await (await admin.PostAsync($"/api/recordings/{ticket.GetProperty("session").GetProperty("recordingId").GetString()}/complete", null)).ReadAsync<MediaJob>();
    var running = await Eventually.Until(() => Job(admin, job.JobId), j => j.State == MediaJobState.Running && j.Progress?.Percent > 5, "the job running", TimeSpan.FromSeconds(120));
    var victim = workers.Single(w => w.WorkerId == running.WorkerId);
    var clock = Stopwatch.StartNew();
    await victim.KillAsync();
    Console.WriteLine($"  killed {victim.WorkerId} at {running.Progress!.Percent:F0} %");
    var done = await Eventually.Until(() => Job(admin, job.JobId), j => j.IsFinished, "the job finishing on the other worker", TimeSpan.FromSeconds(300));
    Console.WriteLine($"  job {done.State} on {done.WorkerId ?? "(finished)"} after {clock.Elapsed.TotalSeconds:F0} s, attempts {done.Attempts}; last failure before: {done.FailureCode ?? "none"}");
    File.Delete(sample);
    foreach (var w in workers) await w.DisposeAsync();
    await Dispose(azurite, silos, apis);
}

// 4. Stop Azurite for 10 s: clear errors while it is down, full recovery after, nothing acknowledged lost.
static async Task StopAzurite()
{
    Console.WriteLine("\n[azurite] 100 submits/s for 35 s; Azurite stopped after 5 s for 10 s, then started again on the same data");
    var (azurite, _, silos, apis) = await Stack(1, 1);
    var programme = await LiveProgramme(apis[0]);
    var viewers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ => await DeskClient.ConnectAsync(apis[0], await Tokens.ViewerAsync(apis[0]))));
    var load = new SubmitLoad(programme, viewers);
    var running = load.RunAsync(100, TimeSpan.FromSeconds(35));
    await Task.Delay(TimeSpan.FromSeconds(5));
    var ackedBefore = load.Acknowledged.Count;
    await azurite.Process.StopAsync(TimeSpan.FromSeconds(3));
    await Task.Delay(TimeSpan.FromSeconds(10));
    var ackedDuring = load.Acknowledged.Count - ackedBefore;
    await azurite.StartProcessAsync();
    var restarted = Stopwatch.StartNew();
    var ackedAtRestart = load.Acknowledged.Count;
    await Eventually.Until(() => Task.FromResult(load.Acknowledged.Count), n => n > ackedAtRestart, "the first acknowledgement after the restart", TimeSpan.FromSeconds(60));
    Console.WriteLine($"  acknowledged while Azurite was down: {ackedDuring}; first acknowledgement {restarted.Elapsed.TotalSeconds:F1} s after it came back");
    await running;
    Verdict(load, await Present(apis[0], programme));
    foreach (var v in viewers) await v.DisposeAsync();
    await Dispose(azurite, silos, apis);
}

static async Task<MediaJob> Job(HttpClient admin, string jobId) =>
    (await (await admin.GetAsync("/api/media/jobs")).ReadAsync<MediaJob[]>()).Single(j => j.JobId == jobId);

static async Task Upload(JsonElement ticket, string file)
{
    var url = ticket.GetProperty("uploadUrl").GetString()!;
    var size = ticket.GetProperty("session").GetProperty("blockSize").GetInt32();
    var ids = ticket.GetProperty("blockIds").EnumerateArray().Select(e => e.GetString()!).ToArray();
    var bytes = await File.ReadAllBytesAsync(file);
    using var http = new HttpClient();
    for (var i = 0; i < ids.Length; i++)
    {
        var chunk = new ByteArrayContent(bytes, i * size, Math.Min(size, bytes.Length - i * size));
        (await http.PutAsync($"{url}&comp=block&blockid={Uri.EscapeDataString(ids[i])}", chunk)).EnsureSuccessStatusCode();
    }
}

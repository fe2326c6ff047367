// Live stream benchmark. Run: dotnet run -c Release --project bench/LiveBench [-- --rounds 3 --seconds 120 --load-seconds 60]
// Starts Azurite, a silo, LiveApi and one MediaWorker; ffmpeg plays the studio encoder (720p25 test pattern over SRT).
// Each round prints: the delay behind the studio as a viewer in Chromium sees it (Date.now() minus hls.js's playingDate,
// the PROGRAM-DATE-TIME stamped at ingest; same machine clock); the live ladder ffmpeg's CPU and speed, alone and with
// the desk under load (viewers submitting questions); and live playlist requests/s with latency, LiveApi against a bare
// Kestrel serving the same bytes from memory, run back to back. The summary gives the median of the rounds and the spread.
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Realtime.Bench.Live;
using Realtime.Testing;

if (args is ["--bare", var file, var port])
{
    await PlaylistLoad.ServeBareAsync(file, int.Parse(port, System.Globalization.CultureInfo.InvariantCulture));
    return;
}
var rounds = Arg("--rounds", 3);
var seconds = Arg("--seconds", 120);
var loadSeconds = Arg("--load-seconds", 60);
var serveSeconds = Arg("--serve-seconds", 10);
var concurrency = Arg("--concurrency", 32);
var deskRate = Arg("--desk-rate", 200);
Console.WriteLine($"Live benchmark — {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {rounds} rounds: {seconds} s watching, " +
    $"{loadSeconds} s with {deskRate} submits/s, {serveSeconds} s of playlist reads by {concurrency} clients (ours, then bare)");

await using var azurite = await Azurite.StartAsync();
var cluster = "live-" + Guid.NewGuid().ToString("N")[..6];
await using var silo = new SiloProcess(azurite, cluster, extra: new Dictionary<string, string> { ["Desk__SubmitsPerMinute"] = "1000000" });
await silo.StartAsync();
await using var api = new LiveApiProcess(azurite, cluster);
await api.StartAsync();
await using var worker = new WorkerProcess(api);
await worker.StartAsync();
using var admin = await api.AsAsync("admin");
var programme = (await admin.ScheduleAsync("直播基准：局长访谈", ["210102"])).Id;
(await admin.PostAsync($"/api/programmes/{programme}/live", null)).EnsureSuccessStatusCode();
(await admin.PostAsync($"/api/programmes/{programme}/live-stream", null)).EnsureSuccessStatusCode();
var stream = await Eventually.Until(() => Stream(), s => s.GetProperty("address").ValueKind == JsonValueKind.String, "a worker listening", TimeSpan.FromMinutes(2));
var total = rounds * (seconds + loadSeconds + 2 * serveSeconds + 60) + 120;
await using var studio = StudioEncoder.Start(stream.GetProperty("address").GetString()!, stream.GetProperty("passphrase").GetString()!, total, size: "1280x720");
await Eventually.Until(() => Stream(), s => s.GetProperty("playableAt").ValueKind == JsonValueKind.String, "the stream playable", TimeSpan.FromMinutes(2));
var ladder = LadderProcess() ?? throw new InvalidOperationException("The worker's ladder ffmpeg was not found.");

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = Environment.GetEnvironmentVariable("RT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--autoplay-policy=no-user-gesture-required", "--disable-dev-shm-usage"],
});
var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = api.BaseAddress.ToString() });
await page.GotoAsync($"/programme.html?id={programme}");
await page.WaitForFunctionAsync("() => document.getElementById('live-media')?.currentTime > 1", null, new PageWaitForFunctionOptions { Timeout = 120_000 });
await Task.Delay(TimeSpan.FromSeconds(10)); // the player settles at its distance from the live edge

var summary = new Dictionary<string, (List<double> Values, string Format)>();
void Keep(string name, double value, string format = "F0") => (summary.TryGetValue(name, out var row) ? row : summary[name] = ([], format)).Values.Add(value);
for (var round = 1; round <= rounds; round++)
{
    var alone = await Window(TimeSpan.FromSeconds(seconds));
    Console.WriteLine($"round {round}: delay behind the studio {alone.Delay.Describe()}; newest segment's age when listed {alone.Edge.Describe()}");
    Console.WriteLine($"  live ladder 720/480/360 alone: CPU {alone.Cores:F2} cores, speed {alone.Speed.Describe()}");
    await using (var desk = await DeskLoad.ConnectAsync(api, 50))
    {
        desk.Start(programme, deskRate);
        var loaded = await Window(TimeSpan.FromSeconds(loadSeconds));
        await desk.StopAsync();
        Console.WriteLine($"  with the desk under load ({desk.Acknowledged / (double)loadSeconds:F0} submits/s acknowledged): CPU {loaded.Cores:F2} cores, " +
            $"speed {loaded.Speed.Describe()}, delay {loaded.Delay.Describe()}, newest segment's age when listed {loaded.Edge.Describe()}");
        Keep("speed under load p5 (lowest 5 %)", loaded.Speed.Percentile(5), "F2");
        Keep("delay under load p95 ms", loaded.Delay.Percentile(95));
        Keep("segment age when listed, under load, p95 ms", loaded.Edge.Percentile(95));
    }
    var (ours, bare, bytes) = await Serving();
    Console.WriteLine($"  playlist ({bytes} bytes) LiveApi {ours.PerSecond:F0} req/s {ours.Latency.Describe()}; bare Kestrel {bare.PerSecond:F0} req/s {bare.Latency.Describe()}; ratio {ours.PerSecond / bare.PerSecond:F2}");
    Keep("delay p50 ms", alone.Delay.Percentile(50));
    Keep("delay p95 ms", alone.Delay.Percentile(95));
    Keep("segment age when listed p95 ms", alone.Edge.Percentile(95));
    Keep("ladder CPU cores", alone.Cores, "F2");
    Keep("speed p50", alone.Speed.Percentile(50), "F2");
    Keep("playlist req/s LiveApi", ours.PerSecond);
    Keep("playlist req/s bare", bare.PerSecond);
    Keep("playlist req/s ratio LiveApi/bare", ours.PerSecond / bare.PerSecond, "F2");
    Keep("playlist p99 ms LiveApi", ours.Latency.Percentile(99));
    Keep("playlist p99 ms bare", bare.Latency.Percentile(99));
}
Console.WriteLine($"summary: median of {rounds} rounds (min–max)");
foreach (var (name, (values, format)) in summary)
    Console.WriteLine($"  {name,-44} {Samples.Median(values, format)}");
return;

async Task<JsonElement> Stream() => await admin.GetFromJsonAsync<JsonElement>($"/api/programmes/{programme}/live-stream");

async Task<(Samples Delay, double Cores, Samples Speed, Samples Edge)> Window(TimeSpan length)
{
    var delay = new Samples("ms");
    var speed = new Samples("×");
    var edge = new Samples("ms");
    var (ticks0, t0) = (ProcessTable.CpuTicks(ladder), Stopwatch.GetTimestamp());
    var until = DateTime.UtcNow + length;
    while (DateTime.UtcNow < until)
    {
        var ms = await page.EvaluateAsync<string>("() => document.getElementById('live-media').dataset.delayMs ?? ''");
        if (double.TryParse(ms, System.Globalization.CultureInfo.InvariantCulture, out var d))
            delay.Add(d);
        if ((await Stream()).GetProperty("health") is { ValueKind: JsonValueKind.Object } health && health.GetProperty("speed") is { ValueKind: JsonValueKind.Number } s)
            speed.Add(s.GetDouble());
        if (await EdgeAge() is { } age)
            edge.Add(age);
        await Task.Delay(1000);
    }
    var cores = (ProcessTable.CpuTicks(ladder) - ticks0) / ProcessTable.TicksPerSecond / Stopwatch.GetElapsedTime(t0).TotalSeconds;
    return (delay, cores, speed, edge);
}

// How old the newest listed moment of the show is when LiveApi lists it: now minus the end of the last segment of the
// top rung's live playlist (its PROGRAM-DATE-TIME plus its duration). The part of the delay spent before the player.
async Task<double?> EdgeAge()
{
    var text = await admin.GetStringAsync($"/live/{programme}/720p.m3u8");
    var read = DateTimeOffset.UtcNow;
    var lines = text.Split('\n');
    var at = lines.LastOrDefault(l => l.StartsWith("#EXT-X-PROGRAM-DATE-TIME:", StringComparison.Ordinal));
    var duration = lines.LastOrDefault(l => l.StartsWith("#EXTINF:", StringComparison.Ordinal));
    if (at is null || duration is null)
        return null;
    var end = DateTimeOffset.Parse(at["#EXT-X-PROGRAM-DATE-TIME:".Length..], System.Globalization.CultureInfo.InvariantCulture)
        .AddSeconds(double.Parse(duration["#EXTINF:".Length..].TrimEnd(','), System.Globalization.CultureInfo.InvariantCulture));
    return (read - end).TotalMilliseconds;
}

async Task<((double PerSecond, Samples Latency) Ours, (double PerSecond, Samples Latency) Bare, int Bytes)> Serving()
{
    var url = new Uri(api.BaseAddress, $"live/{programme}/720p.m3u8");
    using var http = new HttpClient();
    var bytes = await http.GetByteArrayAsync(url);
    var file = Path.GetTempFileName();
    await File.WriteAllBytesAsync(file, bytes);
    var port = FreePorts.Next();
    await using var bareServer = ManagedProcess.Start("bare", "dotnet", [typeof(PlaylistLoad).Assembly.Location, "--bare", file, port.ToString()]);
    var bareUrl = new Uri($"http://127.0.0.1:{port}/playlist.m3u8");
    await bareServer.WaitForHttpAsync(bareUrl.ToString(), TimeSpan.FromSeconds(60));
    await PlaylistLoad.RunAsync(url, concurrency, TimeSpan.FromSeconds(2)); // warm both up
    await PlaylistLoad.RunAsync(bareUrl, concurrency, TimeSpan.FromSeconds(2));
    var ours = await PlaylistLoad.RunAsync(url, concurrency, TimeSpan.FromSeconds(serveSeconds));
    var bare = await PlaylistLoad.RunAsync(bareUrl, concurrency, TimeSpan.FromSeconds(serveSeconds));
    File.Delete(file);
    return (ours, bare, bytes.Length);
}

static int? LadderProcess()
{
    foreach (var dir in Directory.GetDirectories("/proc"))
    {
        try
        {
            var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
            if (cmdline.Contains("ffmpeg", StringComparison.Ordinal) && cmdline.Contains("-var_stream_map", StringComparison.Ordinal))
                return int.Parse(Path.GetFileName(dir), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException) { }
    }
    return null;
}

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;
}

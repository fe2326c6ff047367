// Load generator. Run: dotnet run -c Release --project bench/LoadBench [-- --viewers 18000 --rounds 5 --extra 300]
// Soak:               dotnet run -c Release --project bench/LoadBench -- --viewers 10000 --soak 30
// Starts Azurite, a silo, a LiveApi and a bare SignalR server (bench/BareHub) as processes, then with N raw WebSocket
// viewers measures: connections held; LiveApi memory per connection; delivery of one on-air change to every viewer
// (p50/p99/max) against a bare SignalR group broadcast of the same size in the same run; refusals past the cap.
using System.Diagnostics;
using Realtime.Bench.Load;
using Realtime.Contracts.Questions;
using Realtime.Testing;

var viewers = Arg("--viewers", 18_000);
var rounds = Arg("--rounds", 5);
var extra = Arg("--extra", 300);
var soakMinutes = Arg("--soak", 0);
// Both servers run with the same GC mode: workstation GC (LiveApi's setting) by default, `--server-gc` to compare.
var Gc = args.Contains("--server-gc") ? "1" : "0";
var idleSeconds = Arg("--idle", 30);
Console.WriteLine($"Load benchmark — {viewers} viewers, {rounds} rounds, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

await using var azurite = await Azurite.StartAsync();
var clusterId = "load-" + Guid.NewGuid().ToString("N")[..6];
await using var silo = new SiloProcess(azurite, clusterId, extra: new Dictionary<string, string> { ["Desk__SubmitsPerMinute"] = "1000" });
await silo.StartAsync();
await using var api = new LiveApiProcess(azurite, clusterId, new Dictionary<string, string>
{
    // The viewers plus the benchmark's own host and asker connections.
    ["LiveApi__MaxLiveConnections"] = (viewers + 2).ToString(),
    ["Logging__LogLevel__Default"] = "Warning",
    ["DOTNET_gcServer"] = Gc,
});
await api.StartAsync();

using var admin = await api.AsAsync("admin");
var programme = await admin.ScheduleAsync("负载测试：民生面对面", ["210102"]);
(await admin.PostAsync($"/api/programmes/{programme.Id}/live", null)).EnsureSuccessStatusCode();
await using var host = await DeskClient.ConnectAsync(api, await Tokens.StaffAsync(api, "host"));
await using var asker = await DeskClient.ConnectAsync(api, await Tokens.ViewerAsync(api));
var deskUri = new Uri($"ws://127.0.0.1:{api.HttpPort}/hubs/desk");
var round = new Round(viewers + extra);

if (soakMinutes > 0)
{
    await Soak();
    return;
}

// ---- ours -----------------------------------------------------------------------------------------------------
var oursBefore = Rss(api.Process!.Pid);
var ours = new Swarm(round);
var connectClock = Stopwatch.StartNew();
await ours.ConnectAsync(deskUri, viewers, "Join", programme.Id);
Console.WriteLine($"ours: {ours.Connected} connected in {connectClock.Elapsed.TotalSeconds:F0} s ({ours.Refused} refused, {ours.Failed} failed{(ours.LastError is null ? "" : ": " + ours.LastError)})");
await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
var oursAfter = Rss(api.Process.Pid);
await OnAirRound(ours.Connected); // warm-up, not counted
var oursLatency = new List<double>();
for (var r = 0; r < rounds; r++)
    oursLatency.AddRange(await OnAirRound(ours.Connected));
var messageBytes = Math.Max(ours.MessageBytes, 200);

// Past the cap: the extra viewers are refused, everyone already connected keeps receiving.
var crowd = new Swarm(round);
await crowd.ConnectAsync(deskUri, extra, "Join", programme.Id);
var afterCap = (await OnAirRound(ours.Connected)).Count;
Console.WriteLine($"ours past the cap: {crowd.Refused} of {extra} extra refused with 503, {crowd.Connected} let in, {crowd.Failed} failed; then {afterCap} of {ours.Connected} still received the next push");
var held = ours.Connected;
await crowd.DisposeAsync();
await ours.DisposeAsync();

// ---- bare SignalR baseline, same viewers, same message size --------------------------------------------------------
var barePort = FreePorts.Next();
await using var bare = ManagedProcess.Start("bare", "dotnet",
    [RepoPaths.Binary("bench/BareHub", "BareHub"), "--urls", $"http://127.0.0.1:{barePort}"],
    new Dictionary<string, string> { ["Kestrel__Limits__MaxConcurrentUpgradedConnections"] = (viewers + extra + 100).ToString(), ["DOTNET_gcServer"] = Gc });
await bare.WaitForHttpAsync($"http://127.0.0.1:{barePort}/health", TimeSpan.FromSeconds(30));
using var bareHttp = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{barePort}") };
var bareBefore = Rss(bare.Pid);
var baseline = new Swarm(round);
await baseline.ConnectAsync(new Uri($"ws://127.0.0.1:{barePort}/hubs/bare"), viewers, null, null);
Console.WriteLine($"bare: {baseline.Connected} connected ({baseline.Failed} failed)");
await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
var bareAfter = Rss(bare.Pid);
var bareLatency = new List<double>();
for (var r = -1; r < rounds; r++) // round -1 warms up and is not counted
{
    var id = 1_000_000 + r;
    round.Arm(id);
    (await bareHttp.PostAsync($"/broadcast?id={id}&bytes={messageBytes}", null)).EnsureSuccessStatusCode();
    await round.WaitAll(baseline.Connected, TimeSpan.FromSeconds(30));
    if (r >= 0)
        bareLatency.AddRange(round.Latencies());
    await Task.Delay(1000);
}
await baseline.DisposeAsync();

// ---- report --------------------------------------------------------------------------------------------------------
var oursP99 = Percentile(oursLatency, 99);
var bareP99 = Percentile(bareLatency, 99);
Console.WriteLine();
Console.WriteLine($"connections held (ours)        {held,10}");
Console.WriteLine($"memory per idle connection     ours {(oursAfter - oursBefore) / (double)Math.Max(1, viewers) ,6:F1} KiB   bare {(bareAfter - bareBefore) / (double)Math.Max(1, viewers),6:F1} KiB");
Console.WriteLine($"on-air push to every viewer    ours p50 {Percentile(oursLatency, 50),6:F0} ms  p99 {oursP99,6:F0} ms  max {Percentile(oursLatency, 100),6:F0} ms  ({oursLatency.Count} deliveries, {messageBytes} B)");
Console.WriteLine($"bare group broadcast           bare p50 {Percentile(bareLatency, 50),6:F0} ms  p99 {bareP99,6:F0} ms  max {Percentile(bareLatency, 100),6:F0} ms  ({bareLatency.Count} deliveries)");
Console.WriteLine($"ratio ours/bare                p50 {Percentile(oursLatency, 50) / Percentile(bareLatency, 50):F2}   p99 {oursP99 / bareP99:F2}");
return;

async Task<List<double>> OnAirRound(int expected)
{
    var question = (await asker.Submit(programme.Id, $"负载测试问题 {Guid.NewGuid():N}", ignoreSimilar: true)).Value!.Question!;
    await host.Call<DeskStatus>("Approve", programme.Id, question.Id);
    await Task.Delay(500);
    round.Arm(question.Id);
    var reply = await host.Call<DeskStatus>("PutOnAir", programme.Id, question.Id);
    if (!reply.Ok)
        throw new InvalidOperationException(reply.Error!.Message);
    await round.WaitAll(expected, TimeSpan.FromSeconds(30));
    var latencies = round.Latencies().ToList();
    await host.Call<DeskStatus>("MarkAnswered", programme.Id, question.Id);
    await Task.Delay(1000);
    return latencies;
}

async Task Soak()
{
    var swarm = new Swarm(round);
    await swarm.ConnectAsync(deskUri, viewers, "Join", programme.Id);
    Console.WriteLine($"soak: {swarm.Connected} viewers for {soakMinutes} min; a push every minute; LiveApi memory sampled each minute");
    var samples = new List<long>();
    for (var minute = 1; minute <= soakMinutes; minute++)
    {
        var started = Stopwatch.StartNew();
        var delivered = (await OnAirRound(swarm.Connected)).Count;
        var rss = Rss(api.Process!.Pid);
        samples.Add(rss);
        Console.WriteLine($"minute {minute,3}: LiveApi {rss / 1024.0,8:F1} MiB, silo {Rss(silo.Process!.Pid) / 1024.0,8:F1} MiB, connected {swarm.Connected}, push delivered to {delivered}");
        var rest = TimeSpan.FromMinutes(1) - started.Elapsed;
        if (rest > TimeSpan.Zero)
            await Task.Delay(rest);
    }
    // One sample swings with the garbage of the last push: compare the medians of five minutes after warm-up and of the
    // last five, as well as the single samples.
    var warm = samples[Math.Min(4, samples.Count - 1)];
    Console.WriteLine($"growth after warm-up (minute 5 → {samples.Count}): {(samples[^1] - warm) * 100.0 / warm:F1} %");
    if (samples.Count >= 15)
    {
        static double Median(IEnumerable<long> values) => values.Order().ElementAt(2);
        var early = Median(samples.Skip(5).Take(5));
        var late = Median(samples.TakeLast(5));
        Console.WriteLine($"growth of the median, minutes 6–10 → last five: {early / 1024:F0} → {late / 1024:F0} MiB, {(late - early) * 100 / early:F1} %");
    }
    await swarm.DisposeAsync();
}

static long Rss(int pid)
{
    foreach (var line in File.ReadLines($"/proc/{pid}/status"))
    {
        if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
    }
    return 0;
}

static double Percentile(List<double> samples, double p)
{
    if (samples.Count == 0)
        return double.NaN;
    var sorted = samples.Order().ToArray();
    return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
}

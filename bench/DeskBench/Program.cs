// Question desk benchmark. Run: dotnet run -c Release --project bench/DeskBench [-- --rounds 3 --seconds 15 --prefill 100000]
// (or -- --telemetry-cost [--rounds 3]: the desk with and without OpenTelemetry, see TelemetryCost.cs)
// Starts its own Azurite, silo and LiveApi (real processes, free ports) and drives them with real SignalR clients on
// this machine, then prints, against a bare durable SignalR hub in the same run (median of the rounds, spread): durable
// submits/s, ack and submit→moderator-push latency at 500 and 1,000 submits/s; then votes/s; and submit latency with
// 100 vs 100,000 questions already in the programme (with the ratio).
using System.Diagnostics;
using Realtime.Bench.Desk;
using Realtime.Contracts.Questions;
using Realtime.Testing;

var seconds = Arg("--seconds", 15);
var prefill = Arg("--prefill", 100_000);
var rounds = Arg("--rounds", 3);
var duration = TimeSpan.FromSeconds(seconds);
Console.WriteLine($"Question desk benchmark — {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, dashboard {(args.Contains("--dashboard") ? "on" : "off")}, Azurite {(args.Contains("--azurite-in-memory") ? "in memory" : "on disk")}");

// --azurite-in-memory: no periodic whole-database save in the emulator, to see our own cost apart from it.
await using var azurite = await Azurite.StartAsync(inMemory: args.Contains("--azurite-in-memory"));
if (args.Contains("--telemetry-cost"))
{
    await TelemetryCost.RunAsync(azurite, Arg("--rounds", 3), TimeSpan.FromSeconds(Math.Min(seconds, 10)));
    return;
}
var clusterId = "bench-" + Guid.NewGuid().ToString("N")[..6];
// The per-viewer limit (5 a minute) would stop a load generator with few connections: lift it for the benchmark.
var dashboard = args.Contains("--dashboard"); // the Orleans Dashboard profiles every grain call: off, as in production
await using var silo = new SiloProcess(azurite, clusterId, extra: new Dictionary<string, string>
{
    ["Desk__SubmitsPerMinute"] = "1000000",
    ["Silo__Dashboard"] = dashboard ? "true" : "false",
});
await silo.StartAsync();
await using var api = new LiveApiProcess(azurite, clusterId);
await api.StartAsync();
using var admin = await api.AsAsync("admin");

async Task<string> Programme(string title)
{
    var p = await admin.ScheduleAsync(title, ["210102"]);
    (await admin.PostAsync($"/api/programmes/{p.Id}/live", null)).EnsureSuccessStatusCode();
    return p.Id;
}

// Hub calls of one connection run one at a time: spread the load over many viewers, as real audiences are.
var viewers = await Load.Viewers(api, 1000);

// 1. Ours against the bare durable hub (bench/BareHub) in the same run, rounds alternating which goes first: ack and
//    submit → moderator push at 500 and 1,000 submits/s, durable throughput (VersusBare.cs). First, while Azurite's
//    on-disk database is small (it saves the whole database every few seconds, which slows every request as it grows).
var barePort = FreePorts.Next();
await using var bare = ManagedProcess.Start("bare", "dotnet",
    [RepoPaths.Binary("bench/BareHub", "BareHub"), "--urls", $"http://127.0.0.1:{barePort}", "--Table", azurite.ConnectionString], null);
await bare.WaitForHttpAsync($"http://127.0.0.1:{barePort}/health", TimeSpan.FromSeconds(30));
var ours = new VersusBare.Side("ours", viewers, Programme, async id =>
{
    var watcher = await DeskClient.ConnectAsync(api, await Tokens.StaffAsync(api, "host"));
    await watcher.Call<ModeratorSnapshot>("Moderate", id);
    return watcher;
}, new CpuMeter([("LiveApi", api.Process!.Pid), ("silo", silo.Process!.Pid), ("Azurite", azurite.Process.Pid), ("load generator", Environment.ProcessId)]));
var bareSide = await VersusBare.BareAsync(new Uri($"http://127.0.0.1:{barePort}/hubs/bare-desk"), viewers.Length,
    new CpuMeter([("BareHub", bare.Pid), ("Azurite", azurite.Process.Pid), ("load generator", Environment.ProcessId)]));
await new VersusBare().RunAsync(ours, bareSide, rounds, TimeSpan.FromSeconds(Math.Min(seconds, 10)));
foreach (var viewer in bareSide.Viewers)
    await viewer.DisposeAsync();

// 3. Votes: each viewer votes once for each of 50 approved questions.
var voteId = await Programme("投票测试");
var votes = new Load(voteId);
await using var staff = await DeskClient.ConnectAsync(api, await Tokens.StaffAsync(api, "screener"));
var ids = new List<long>();
for (var i = 0; i < 50; i++)
{
    var q = (await viewers[0].Submit(voteId, votes.NextText(), ignoreSimilar: true)).Value!.Question!;
    await staff.Call<DeskStatus>("Approve", voteId, q.Id);
    ids.Add(q.Id);
}
var (voteCount, voteSeconds) = await votes.Votes(viewers[1..], ids);
Console.WriteLine($"votes                    {voteCount / voteSeconds,8:F0} /s   ({voteCount} in {voteSeconds:F1} s)");

// 4. Does a submit cost more when the programme already holds many questions? Same rate, small vs large programme.
var smallId = await Programme("小节目");
var largeId = await Programme("大节目");
var small = new Load(smallId);
var large = new Load(largeId);
await Fill(small, 100);
var fillClock = Stopwatch.StartNew();
await Fill(large, prefill);
Console.WriteLine($"prefilled {prefill} questions in {fillClock.Elapsed.TotalSeconds:F0} s");
var costDuration = TimeSpan.FromSeconds(Math.Min(seconds, 8));
var (smallAck, _, _) = await small.Paced(viewers, await DeskClient.ConnectAsync(api, null), 500, costDuration);
var (largeAck, _, _) = await large.Paced(viewers, await DeskClient.ConnectAsync(api, null), 500, costDuration);
var (smallAck2, _, _) = await small.Paced(viewers, await DeskClient.ConnectAsync(api, null), 500, costDuration);
Console.WriteLine($"submit at 500/s, 100 questions in programme       {smallAck.Summary()}");
Console.WriteLine($"submit at 500/s, {prefill} questions in programme {largeAck.Summary()}");
Console.WriteLine($"submit at 500/s, 100 questions (again)            {smallAck2.Summary()}");
var baseline = (smallAck.Percentile(50) + smallAck2.Percentile(50)) / 2;
Console.WriteLine($"ratio large/small p50 {largeAck.Percentile(50) / baseline:F2}   p99 {largeAck.Percentile(99) / ((smallAck.Percentile(99) + smallAck2.Percentile(99)) / 2):F2}");

foreach (var viewer in viewers)
    await viewer.DisposeAsync();
return;

async Task Fill(Load target, int count)
{
    var filled = 0;
    while (filled < count)
    {
        var batch = Math.Min(count - filled, 20_000);
        var perViewer = (batch + viewers.Length - 1) / viewers.Length;
        await Task.WhenAll(viewers.Select(async viewer =>
        {
            for (var i = 0; i < perViewer && Interlocked.Increment(ref filled) <= count; i++)
                await viewer.Submit(target == small ? smallId : largeId, target.NextText(), ignoreSimilar: true);
        }));
    }
}

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
}

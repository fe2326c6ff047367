// History benchmark. Run: dotnet run -c Release --project bench/HistoryBench [-- --years 10 --requests 300 --rounds 5 --azurite-on-disk]
// Two stacks side by side, each its own Azurite, silo and LiveApi (real processes, free ports): one holds one month of
// synthetic history, the other ten years (18,000 programmes, 180,000 answered questions, ~100,000 follow-up cases),
// both loaded through the real index grains into the real storage. Then the reads a citizen or a department makes are
// timed on both, request by request in turn (so the machine's other load falls on both alike): p50/p99 per
// stack and their ratio, as the median of the rounds with the spread. Also the largest stored entity and the silos'
// memory (each silo restarted after loading, so it shows what serving takes).
using System.Diagnostics;
using Realtime.Bench.History;
using Realtime.Contracts.Common;
using Realtime.Testing;

var years = Arg("--years", 10);
var requests = Arg("--requests", 300);
var roundCount = Arg("--rounds", 5);
var inMemory = !args.Contains("--azurite-on-disk");
Console.WriteLine($"History benchmark — {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, one month vs {years} years, " +
    $"{requests} requests per read per stack per round, {roundCount} rounds, Azurite {(inMemory ? "in memory" : "on disk")}");

var now = DateTimeOffset.UtcNow;
var history = new SyntheticHistory(now);
var months = history.Months(years * 12).ToList();
var lastMonth = ChinaMonths.Previous(ChinaMonths.Of(now));

await using var small = await BenchStack.StartAsync(inMemory);
await using var large = await BenchStack.StartAsync(inMemory);
// One month of history: last month and this one so far (and what is scheduled for the rest of it).
var (smallCounts, smallSeconds) = await Load(small, months.TakeLast(2));
Console.WriteLine($"one month:  {Describe(smallCounts)} loaded in {smallSeconds:F0} s");
var (largeCounts, largeSeconds) = await Load(large, months);
Console.WriteLine($"{years} years: {Describe(largeCounts)} loaded in {largeSeconds:F0} s");
await Task.WhenAll(small.RestartSiloAsync(), large.RestartSiloAsync());

Probe[] probes =
[
    new("landing: live, next and last 7 days", "/api/programmes/window"),
    new("district page (busiest district)", "/api/districts/210102"),
    new("archive search by text “养老金”", "/api/archive?take=20&q=" + Uri.EscapeDataString("养老金")),
    new("archive by district and month", $"/api/archive?take=20&district=210102&month={lastMonth}"),
    new("department's open cases (busiest)", "/api/departments/labour/cases?state=open&take=50"),
    new("monthly report by district", $"/api/reports/{lastMonth}?by=district"),
    new("(info) archive search, rare phrase", "/api/archive?take=20&q=" + Uri.EscapeDataString("可以网上办吗第7号")),
    new("(info) landing “load more” (older)", "/api/programmes?order=desc&take=20&to=" + Uri.EscapeDataString(now.AddDays(-7).ToString("O"))),
];

// Warm-up: activations (each loads its month partition once), tiered JIT, connection pools. Both stacks must answer
// alike (the newest months hold the same programmes), or the comparison would not be fair: their sizes are printed.
foreach (var probe in probes)
{
    var (a, b) = (await small.Admin.GetByteArrayAsync(probe.Url), await large.Admin.GetByteArrayAsync(probe.Url));
    Console.WriteLine($"  {probe.Name,-38} answers {a.Length:N0} / {b.Length:N0} bytes");
    await probe.TimePairAsync(small.Admin, large.Admin, requests);
}
var results = probes.Select(p => new ProbeRounds(p.Name)).ToList();
for (var round = 0; round < roundCount; round++)
{
    for (var i = 0; i < probes.Length; i++)
    {
        var (a, b) = await probes[i].TimePairAsync(small.Admin, large.Admin, requests);
        results[i].Add(a, b);
    }
    Console.WriteLine($"round {round + 1} of {roundCount} done");
}

Console.WriteLine();
Console.WriteLine($"{"read (ms; median of rounds, spread)",-38} {"1 month p50",18} {"p99",18} {$"{years} years p50",18} {"p99",18} {"ratio p50",18} {"ratio p99",18}");
foreach (var r in results)
    Console.WriteLine($"{r.Name,-38} {r.SmallP50,18} {r.SmallP99,18} {r.LargeP50,18} {r.LargeP99,18} {r.RatioP50,18} {r.RatioP99,18}");
var goals = results.Where(r => !r.Name.StartsWith('(')).ToList();
Console.WriteLine($"worst ratio of the six reads (goal ≤ 1.2): p50 {goals.Max(r => r.MedianRatioP50):F2}, p99 {goals.Max(r => r.MedianRatioP99):F2}");
Console.WriteLine($"archive text search p99 after {years} years: {results[2].MedianLargeP99:F1} ms (goal ≤ 50 ms)");
Console.WriteLine($"silo memory (RSS after the reads): {small.SiloMemoryMiB()} MiB with one month, {large.SiloMemoryMiB()} MiB with {years} years");
var clock = Stopwatch.StartNew();
var (largest, entities) = await StorageEntities.ScanAsync(large.Azurite.ConnectionString);
Console.WriteLine($"largest stored entity of {entities:N0} ({years} years): {largest.Bytes:N0} bytes (goal ≤ 65,536) — {largest.Table} " +
    $"{largest.PartitionKey} / {largest.RowKey} (scan {clock.Elapsed.TotalSeconds:F0} s)");
return;

async Task<((int Programmes, int Answered, int Cases) Counts, double Seconds)> Load(BenchStack stack, IEnumerable<string> which)
{
    var watch = Stopwatch.StartNew();
    await using var loader = await HistoryLoader.ConnectAsync(stack.Azurite.ConnectionString, stack.ClusterId);
    var counts = await loader.LoadAsync(history, which);
    return (counts, watch.Elapsed.TotalSeconds);
}

static string Describe((int Programmes, int Answered, int Cases) c) =>
    $"{c.Programmes:N0} programmes, {c.Answered:N0} answered questions, {c.Cases:N0} follow-up cases";

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
}

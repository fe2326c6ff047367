using System.Text.Json;
using Realtime.Contracts.Questions;
using Realtime.Testing;

namespace Realtime.Bench.Desk;

/// <summary>
/// The desk against its baseline in the same run: bench/BareHub's durable hub (a plain SignalR hub appending each
/// submit to the same Azurite in batched transactions, acknowledging after the write — no Orleans, no rules), driven by
/// its own 1,000 clients of this process. Rounds alternate which side goes first; each round measures ack and
/// submit → moderator push at 500 and 1,000 submits/s (open loop) and closed-loop durable throughput. Prints every
/// round, then the median of the rounds with the spread (min–max) for each figure and for ours/bare.
/// </summary>
public sealed class VersusBare
{
    /// <param name="Cpu">Every process of this side (the load generator included), for CPU per submit.</param>
    public sealed record Side(string Name, DeskClient[] Viewers, Func<string, Task<string>> Programme, Func<string, Task<DeskClient>> Moderator, CpuMeter Cpu);

    private readonly Dictionary<string, List<double>> _figures = [];
    private readonly List<string> _order = [];

    public static async Task<Side> BareAsync(Uri hub, int clients, CpuMeter cpu)
    {
        var viewers = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => DeskClient.ConnectAsync(hub, null)));
        return new Side("bare", viewers, title => Task.FromResult("bare-" + Guid.NewGuid().ToString("N")[..8]), async id =>
        {
            var moderator = await DeskClient.ConnectAsync(hub, null);
            await moderator.Call<JsonElement>("Moderate", id);
            return moderator;
        }, cpu);
    }

    public async Task RunAsync(Side ours, Side bare, int rounds, TimeSpan duration)
    {
        foreach (var side in new[] { ours, bare })
            await new Load(await side.Programme("预热")).Saturate(side.Viewers, TimeSpan.FromSeconds(15));
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var side in round % 2 == 1 ? new[] { ours, bare } : [bare, ours])
            {
                foreach (var target in new[] { 500, 1000 })
                {
                    var id = await side.Programme($"延迟测试 {target}");
                    await using var moderator = await side.Moderator(id);
                    var (ack, push, rate) = await new Load(id).Paced(side.Viewers, moderator, target, duration);
                    Console.WriteLine($"round {round} {side.Name,-4} at {rate,5:F0}/s  ack  {ack.Summary()}");
                    Console.WriteLine($"round {round} {side.Name,-4} at {rate,5:F0}/s  push {push.Summary()}");
                    Add($"{side.Name} {target}/s ack p50", ack.Percentile(50));
                    Add($"{side.Name} {target}/s ack p99", ack.Percentile(99));
                    Add($"{side.Name} {target}/s push p50", push.Percentile(50));
                    Add($"{side.Name} {target}/s push p99", push.Percentile(99));
                }
                var load = new Load(await side.Programme("吞吐测试"));
                var cpuBefore = side.Cpu.Read();
                var (acked, refused, seconds) = await load.Saturate(side.Viewers, duration);
                var cpu = side.Cpu.PerItem(cpuBefore, side.Cpu.Read(), acked);
                Console.WriteLine($"round {round} {side.Name,-4} durable submits {acked / seconds,6:F0}/s ({acked} acknowledged, {refused} refused); " +
                    $"CPU ms per submit {string.Join(", ", cpu.Select(c => $"{c.Name} {c.Ms:F2}"))}, total {cpu.Sum(c => c.Ms):F2}");
                Add($"{side.Name} throughput /s", acked / seconds);
                Add($"{side.Name} CPU ms per submit", cpu.Sum(c => c.Ms));
            }
        }
        Console.WriteLine();
        Console.WriteLine($"median of {rounds} rounds (min–max)                ours                     bare              ours/bare");
        foreach (var figure in _order.Where(f => f.StartsWith("ours ", StringComparison.Ordinal)).Select(f => f[5..]))
        {
            var mine = _figures["ours " + figure];
            var theirs = _figures["bare " + figure];
            var ratios = mine.Zip(theirs, (a, b) => a / b).ToList();
            Console.WriteLine($"{figure,-30} {Spread(mine, "F1"),24} {Spread(theirs, "F1"),24} {Spread(ratios, "F2"),22}");
        }
    }

    private void Add(string figure, double value)
    {
        if (!_figures.TryGetValue(figure, out var values))
        {
            _figures[figure] = values = [];
            _order.Add(figure);
        }
        values.Add(value);
    }

    private static string Spread(List<double> values, string format)
    {
        var sorted = values.Order().ToArray();
        return $"{sorted[sorted.Length / 2].ToString(format)} ({sorted[0].ToString(format)}–{sorted[^1].ToString(format)})";
    }
}

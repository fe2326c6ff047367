using Realtime.Contracts.Questions;
using Realtime.Testing;

namespace Realtime.Bench.Desk;

/// <summary>
/// `--telemetry-cost`: the cost of OpenTelemetry on the desk. Two stacks on one Azurite — silo and LiveApi with
/// telemetry on (metrics, traces, logs through OpenTelemetry; /metrics scraped every 15 s as Prometheus would) and with
/// `Telemetry:Enabled=false` — each driven by its own 1,000 SignalR viewers, in rounds that alternate which goes first.
/// Prints per round and as the median of the rounds with the spread: ack and moderator-push p50/p99 at 500 submits/s
/// and closed-loop durable throughput, and the ratios on/off.
/// </summary>
public static class TelemetryCost
{
    private sealed record Side(string Name, SiloProcess Silo, LiveApiProcess Api, DeskClient[] Viewers, HttpClient Admin);

    private sealed record Round(double AckP50, double AckP99, double PushP99, double Throughput);

    public static async Task RunAsync(Azurite azurite, int rounds, TimeSpan duration)
    {
        var on = await StartAsync(azurite, "on", telemetry: true);
        var off = await StartAsync(azurite, "off", telemetry: false);
        using var scraper = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var stopScraping = new CancellationTokenSource();
        var scraping = Scrape(scraper, on.Api.MetricsAddress, stopScraping.Token);
        var results = new Dictionary<string, List<Round>> { ["on"] = [], ["off"] = [] };
        foreach (var side in new[] { on, off })
            await Warm(side);
        for (var round = 1; round <= rounds; round++)
        {
            var order = round % 2 == 1 ? new[] { on, off } : [off, on];
            foreach (var side in order)
            {
                var r = await Measure(side, round, duration);
                results[side.Name].Add(r);
                Console.WriteLine($"round {round} telemetry {side.Name,-3}  ack p50 {r.AckP50,6:F1} p99 {r.AckP99,7:F1} ms   push p99 {r.PushP99,7:F1} ms   {r.Throughput,6:F0} submits/s");
            }
            var (a, b) = (results["on"][^1], results["off"][^1]);
            Console.WriteLine($"round {round} on/off      ack p50 {a.AckP50 / b.AckP50:F2}  p99 {a.AckP99 / b.AckP99:F2}   push p99 {a.PushP99 / b.PushP99:F2}   throughput {a.Throughput / b.Throughput:F2}");
        }
        stopScraping.Cancel();
        await scraping;
        Console.WriteLine($"median of {rounds} rounds (min–max) on/off:");
        Report("ack p50", r => r.AckP50);
        Report("ack p99", r => r.AckP99);
        Report("push p99", r => r.PushP99);
        Report("throughput", r => r.Throughput);
        foreach (var side in new[] { on, off })
        {
            foreach (var viewer in side.Viewers)
                await viewer.DisposeAsync();
            side.Admin.Dispose();
            await side.Api.DisposeAsync();
            await side.Silo.DisposeAsync();
        }
        return;

        void Report(string figure, Func<Round, double> pick)
        {
            var ratios = results["on"].Zip(results["off"], (a, b) => pick(a) / pick(b)).Order().ToArray();
            Console.WriteLine($"  {figure,-11} {ratios[ratios.Length / 2]:F2}  ({ratios[0]:F2}–{ratios[^1]:F2})   on {Median(results["on"].Select(pick)),7:F1}   off {Median(results["off"].Select(pick)),7:F1}");
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static async Task<Side> StartAsync(Azurite azurite, string name, bool telemetry)
    {
        var enabled = telemetry ? "true" : "false";
        var clusterId = $"bench-{name}-" + Guid.NewGuid().ToString("N")[..6];
        var silo = new SiloProcess(azurite, clusterId, extra: new Dictionary<string, string>
        {
            ["Desk__SubmitsPerMinute"] = "1000000",
            ["Silo__Dashboard"] = "false",
            ["Telemetry__Enabled"] = enabled,
        });
        await silo.StartAsync();
        var api = new LiveApiProcess(azurite, clusterId, new Dictionary<string, string> { ["Telemetry__Enabled"] = enabled });
        await api.StartAsync();
        return new Side(name, silo, api, await Load.Viewers(api, 1000), await api.AsAsync("admin"));
    }

    private static async Task<string> Programme(Side side, string title)
    {
        var p = await side.Admin.ScheduleAsync(title, ["210102"]);
        (await side.Admin.PostAsync($"/api/programmes/{p.Id}/live", null)).EnsureSuccessStatusCode();
        return p.Id;
    }

    private static async Task Warm(Side side) =>
        await new Load(await Programme(side, "预热")).Saturate(side.Viewers, TimeSpan.FromSeconds(15));

    private static async Task<Round> Measure(Side side, int round, TimeSpan duration)
    {
        var latencyId = await Programme(side, $"遥测成本 {round} 延迟");
        var paced = new Load(latencyId);
        await using var watcher = await DeskClient.ConnectAsync(side.Api, await Tokens.StaffAsync(side.Api, "host"));
        await watcher.Call<ModeratorSnapshot>("Moderate", latencyId);
        var (ack, push, _) = await paced.Paced(side.Viewers, watcher, 500, duration);
        var saturated = new Load(await Programme(side, $"遥测成本 {round} 吞吐"));
        var (acked, _, seconds) = await saturated.Saturate(side.Viewers, duration);
        return new Round(ack.Percentile(50), ack.Percentile(99), push.Percentile(99), acked / seconds);
    }

    /// <summary>What a Prometheus server does to the process: read /metrics every 15 s.</summary>
    private static async Task Scrape(HttpClient http, Uri metrics, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(15));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
                (await http.GetAsync(metrics, stop)).EnsureSuccessStatusCode();
        }
        catch (OperationCanceledException)
        {
        }
    }
}

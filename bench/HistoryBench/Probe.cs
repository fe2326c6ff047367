using System.Diagnostics;

namespace Realtime.Bench.History;

/// <summary>One kind of request a citizen or a department makes, timed on any stack.</summary>
public sealed record Probe(string Name, string Url)
{
    /// <summary>
    /// Requests to both stacks in turn (a, b, b, a, a, b …), so a burst of the machine's other load falls on both alike;
    /// returns the sorted times in milliseconds of each.
    /// </summary>
    public async Task<(List<double> A, List<double> B)> TimePairAsync(HttpClient a, HttpClient b, int count)
    {
        var (timesA, timesB) = (new List<double>(count), new List<double>(count));
        for (var i = 0; i < count; i++)
        {
            if (i % 2 == 0)
            {
                timesA.Add(await Once(a));
                timesB.Add(await Once(b));
            }
            else
            {
                timesB.Add(await Once(b));
                timesA.Add(await Once(a));
            }
        }
        timesA.Sort();
        timesB.Sort();
        return (timesA, timesB);
    }

    private async Task<double> Once(HttpClient http)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(Url);
        await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{Name}: {Url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return clock.Elapsed.TotalMilliseconds;
    }

    public static double Percentile(List<double> sorted, int p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
}

/// <summary>Per round: p50 and p99 on the small and on the large history, and their ratios; reported as the median round and the spread.</summary>
public sealed class ProbeRounds(string name)
{
    private readonly List<Round> _rounds = [];

    public string Name => name;

    public void Add(List<double> small, List<double> large) => _rounds.Add(new Round(Probe.Percentile(small, 50), Probe.Percentile(small, 99),
        Probe.Percentile(large, 50), Probe.Percentile(large, 99)));

    public string SmallP50 => Format(r => r.SmallP50);
    public string SmallP99 => Format(r => r.SmallP99);
    public string LargeP50 => Format(r => r.LargeP50);
    public string LargeP99 => Format(r => r.LargeP99);
    public string RatioP50 => Format(r => r.LargeP50 / r.SmallP50, "F2");
    public string RatioP99 => Format(r => r.LargeP99 / r.SmallP99, "F2");
    public double MedianLargeP99 => Median(r => r.LargeP99);
    public double MedianRatioP50 => Median(r => r.LargeP50 / r.SmallP50);
    public double MedianRatioP99 => Median(r => r.LargeP99 / r.SmallP99);

    private string Format(Func<Round, double> pick, string format = "F1")
    {
        var values = _rounds.Select(pick).Order().ToList();
        return $"{values[values.Count / 2].ToString(format)} ({values[0].ToString(format)}–{values[^1].ToString(format)})";
    }

    private double Median(Func<Round, double> pick)
    {
        var values = _rounds.Select(pick).Order().ToList();
        return values[values.Count / 2];
    }

    private sealed record Round(double SmallP50, double SmallP99, double LargeP50, double LargeP99);
}

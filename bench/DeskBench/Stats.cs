namespace Realtime.Bench.Desk;

/// <summary>Latency samples in milliseconds and their percentiles.</summary>
public sealed class Stats
{
    private readonly List<double> _samples = [];

    public void Add(double ms)
    {
        lock (_samples)
            _samples.Add(ms);
    }

    public int Count
    {
        get { lock (_samples) return _samples.Count; }
    }

    public double Percentile(double p)
    {
        lock (_samples)
        {
            if (_samples.Count == 0)
                return double.NaN;
            var sorted = _samples.Order().ToArray();
            return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
        }
    }

    public string Summary() => $"p50 {Percentile(50),7:F1} ms   p99 {Percentile(99),7:F1} ms   max {Percentile(100),7:F1} ms   (n={Count})";
}

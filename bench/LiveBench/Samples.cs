namespace Realtime.Bench.Live;

/// <summary>A list of measurements with the percentiles and the median-of-rounds summary this benchmark prints.</summary>
public sealed class Samples(string unit)
{
    private readonly List<double> _values = [];

    public int Count => _values.Count;

    public void Add(double value)
    {
        lock (_values)
            _values.Add(value);
    }

    public double Percentile(double p)
    {
        lock (_values)
        {
            if (_values.Count == 0)
                return double.NaN;
            var sorted = _values.Order().ToList();
            return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
        }
    }

    public string Describe()
    {
        var format = unit == "ms" ? "F0" : "F2";
        return $"p50 {Percentile(50).ToString(format)} {unit}, p95 {Percentile(95).ToString(format)} {unit}, p99 {Percentile(99).ToString(format)} {unit} (n={Count})";
    }

    /// <summary>"median (min–max)" of one figure over the rounds.</summary>
    public static string Median(IEnumerable<double> rounds, string format = "F2")
    {
        var sorted = rounds.Order().ToList();
        return sorted.Count == 0 ? "—" : $"{sorted[sorted.Count / 2].ToString(format)} ({sorted[0].ToString(format)}–{sorted[^1].ToString(format)})";
    }
}

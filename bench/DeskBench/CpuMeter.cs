using System.Globalization;

namespace Realtime.Bench.Desk;

/// <summary>
/// CPU time (user + system, from /proc) of the processes taking part in a measurement, so a figure can say where the
/// time went: CPU milliseconds per durable submit in each process of one side.
/// </summary>
public sealed class CpuMeter(IReadOnlyList<(string Name, int Pid)> processes)
{
    private static readonly double TicksPerMs = 100 / 1000.0; // USER_HZ is 100 on Linux

    public IReadOnlyList<(string Name, int Pid)> Processes => processes;

    public long[] Read() => [.. processes.Select(p => Ticks(p.Pid))];

    /// <summary>CPU milliseconds spent by each process between two readings, divided by <paramref name="count"/>.</summary>
    public IReadOnlyList<(string Name, double Ms)> PerItem(long[] before, long[] after, long count) =>
        [.. processes.Select((p, i) => (p.Name, (after[i] - before[i]) / TicksPerMs / Math.Max(1, count)))];

    private static long Ticks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }
}

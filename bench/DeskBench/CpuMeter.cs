using Realtime.Testing;

namespace Realtime.Bench.Desk;

/// <summary>
/// CPU time (user + system, from /proc) of the processes taking part in a measurement, so a figure can say where the
/// time went: CPU milliseconds per durable submit in each process of one side.
/// </summary>
public sealed class CpuMeter(IReadOnlyList<(string Name, int Pid)> processes)
{
    private const double TicksPerMs = ProcessTable.TicksPerSecond / 1000;

    public IReadOnlyList<(string Name, int Pid)> Processes => processes;

    public long[] Read() => [.. processes.Select(p => ProcessTable.CpuTicks(p.Pid))];

    /// <summary>CPU milliseconds spent by each process between two readings, divided by <paramref name="count"/>.</summary>
    public IReadOnlyList<(string Name, double Ms)> PerItem(long[] before, long[] after, long count) =>
        [.. processes.Select((p, i) => (p.Name, (after[i] - before[i]) / TicksPerMs / Math.Max(1, count)))];
}

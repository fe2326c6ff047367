using Realtime.Contracts.Reports;

namespace Realtime.Grains.Reports;

[GenerateSerializer, Alias("Realtime.StatsState")]
public sealed class StatsState
{
    [Id(0)] public StatsCounters Counters { get; set; } = StatsCounters.Zero;
}

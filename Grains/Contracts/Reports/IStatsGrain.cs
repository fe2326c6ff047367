using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Realtime.Contracts.Reports;

/// <summary>
/// Aggregated counters, keyed "district:{code}:{yyyy-MM}", "department:{code}:{yyyy-MM}" or "programme:{id}".
/// Months are in China Standard Time (UTC+8).
/// </summary>
[Alias("Realtime.IStatsGrain")]
public interface IStatsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds the deltas of one source (a programme's desk) that this grain has not applied yet: entries at or below the
    /// highest version already applied from that source are skipped, so a source may resend until it is confirmed.
    /// Completes once the sum is persisted.
    /// </summary>
    [Alias("Apply")]
    Task Apply(string source, ImmutableArray<StatsEntry> entries);

    [ReadOnly, Alias("Get")]
    Task<StatsCounters> Get();
}

/// <summary>One delta of a source, stamped with the source's version (the desk's change-set version).</summary>
[GenerateSerializer, Immutable, Alias("Realtime.StatsEntry")]
public sealed record StatsEntry([property: Id(0)] long Version, [property: Id(1)] StatsCounters Delta);

public static class StatsKeys
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static string Month(DateTimeOffset at) => at.ToOffset(ChinaOffset).ToString("yyyy-MM");

    public static string District(string code, string month) => $"district:{code}:{month}";

    public static string Department(string code, string month) => $"department:{code}:{month}";

    public static string Programme(string id) => $"programme:{id}";
}

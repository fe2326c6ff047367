namespace Realtime.Contracts.Reports;

/// <summary>
/// Aggregated counters, keyed "district:{code}:{yyyy-MM}", "department:{code}:{yyyy-MM}" or "programme:{id}".
/// Months are in China Standard Time (UTC+8).
/// </summary>
[Alias("Realtime.IStatsGrain")]
public interface IStatsGrain : IGrainWithStringKey
{
    [Alias("Add")]
    Task Add(StatsCounters delta);

    [Alias("Get")]
    Task<StatsCounters> Get();
}

public static class StatsKeys
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static string Month(DateTimeOffset at) => at.ToOffset(ChinaOffset).ToString("yyyy-MM");

    public static string District(string code, string month) => $"district:{code}:{month}";

    public static string Department(string code, string month) => $"department:{code}:{month}";

    public static string Programme(string id) => $"programme:{id}";
}

using System.Collections.Immutable;
using Orleans.Concurrency;
using Realtime.Contracts.Common;

namespace Realtime.Contracts.Programmes;

/// <summary>
/// The programmes of one scope scheduled in one China-local month; key "{scope}|{yyyy-MM}". One table row per programme,
/// so neither a row nor this grain grows with history. Kept current by the programme grains.
/// </summary>
[Alias("Realtime.IProgrammeMonthGrain")]
public interface IProgrammeMonthGrain : IGrainWithStringKey
{
    /// <summary>Stores the summary unless a newer version is stored; completes once it is persisted.</summary>
    [Alias("Track")]
    Task Track(ProgrammeSummary programme);

    /// <summary>Up to <paramref name="take"/> programmes after <paramref name="after"/> in the query's order.</summary>
    [AlwaysInterleave, Alias("Page")]
    Task<ImmutableArray<ProgrammeSummary>> Page(ProgrammeQuery query, PagePosition? after, int take);

    [AlwaysInterleave, Alias("All")]
    Task<ImmutableArray<ProgrammeSummary>> All();
}

/// <summary>The months in which a scope has programmes, so a walk knows where to stop (key = scope).</summary>
[Alias("Realtime.IProgrammeScopeGrain")]
public interface IProgrammeScopeGrain : IGrainWithStringKey
{
    [Alias("Extend")]
    Task Extend(string month);

    /// <summary>The first and last month with programmes; null when there are none.</summary>
    [AlwaysInterleave, Alias("Bounds")]
    Task<MonthBounds?> Bounds();
}

/// <summary>The first and last month ("yyyy-MM") in which a list has items.</summary>
[GenerateSerializer, Immutable, Alias("Realtime.MonthBounds")]
public sealed record MonthBounds([property: Id(0)] string First, [property: Id(1)] string Last)
{
    public MonthBounds With(string month) => new(string.CompareOrdinal(month, First) < 0 ? month : First,
        string.CompareOrdinal(month, Last) > 0 ? month : Last);
}

/// <summary>Programmes on air now (key "all"): a set bounded by how many run at once.</summary>
[Alias("Realtime.ILiveProgrammesGrain")]
public interface ILiveProgrammesGrain : IGrainWithStringKey
{
    [Alias("Track")]
    Task Track(ProgrammeSummary programme);

    [AlwaysInterleave, Alias("List")]
    Task<ImmutableArray<ProgrammeSummary>> List();
}

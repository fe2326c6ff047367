using Orleans.Concurrency;
using Realtime.Contracts.Common;

namespace Realtime.Contracts.Programmes;

/// <summary>
/// Reads programme lists (a stateless worker): pages walk the month partitions of a scope
/// (<see cref="IProgrammeMonthGrain"/>) newest or oldest first; each page searches a bounded number of months.
/// </summary>
[Alias("Realtime.IProgrammeListGrain")]
public interface IProgrammeListGrain : IGrainWithIntegerKey
{
    [ReadOnly, Alias("Page")]
    Task<Page<ProgrammeSummary>> Page(ProgrammeQuery query, PagePosition? after);

    /// <summary>Live now, scheduled in the next 7 days, and scheduled in the last 7 days (bounded by the schedule, not by history).</summary>
    [ReadOnly, Alias("Window")]
    Task<ProgrammeWindow> Window(string scope, DateTimeOffset now);

    /// <summary>Every programme of a scope scheduled in one month (for the monthly report).</summary>
    [ReadOnly, Alias("Month")]
    Task<System.Collections.Immutable.ImmutableArray<ProgrammeSummary>> Month(string scope, string month);
}

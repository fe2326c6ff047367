using Orleans.Concurrency;
using Realtime.Contracts.Common;

namespace Realtime.Contracts.FollowUps;

/// <summary>
/// A department's follow-up cases (key = department code). The cases live in month partitions by the month they were
/// opened (<see cref="ICaseMonthGrain"/>); this grain only knows which months still have open cases and the first and
/// last month, so its state does not grow with history.
/// </summary>
[Alias("Realtime.IDepartmentGrain")]
public interface IDepartmentGrain : IGrainWithStringKey
{
    /// <summary>Stores the case's newest version in its month; completes once it and the open counts are persisted.</summary>
    [Alias("Track")]
    Task Track(FollowUpCase followUp);

    /// <summary>Open cases, nearest deadline first.</summary>
    [ReadOnly, Alias("Open")]
    Task<Page<FollowUpCase>> Open(PagePosition? after, int take);

    /// <summary>Answered cases, the most recently opened first.</summary>
    [ReadOnly, Alias("Answered")]
    Task<Page<FollowUpCase>> Answered(PagePosition? after, int take);
}

/// <summary>The cases a department opened in one China-local month; key "{department}|{yyyy-MM}", one table row per case.</summary>
[Alias("Realtime.ICaseMonthGrain")]
public interface ICaseMonthGrain : IGrainWithStringKey
{
    /// <summary>Stores the case unless a newer version is stored; answers the month's open count and a revision that grows with every change.</summary>
    [Alias("Track")]
    Task<OpenCount> Track(FollowUpCase followUp);

    [AlwaysInterleave, Alias("Page")]
    Task<System.Collections.Immutable.ImmutableArray<FollowUpCase>> Page(bool open, PagePosition? after, int take);
}

[GenerateSerializer, Immutable, Alias("Realtime.OpenCount")]
public sealed record OpenCount([property: Id(0)] int Open, [property: Id(1)] long Revision);

/// <summary>Sort positions of the department lists.</summary>
public static class CasePositions
{
    /// <summary>Open cases: by deadline.</summary>
    public static PagePosition Open(FollowUpCase c) => new(c.Info.Deadline.UtcTicks, c.CaseId);

    /// <summary>Answered cases: by when they were opened (the month partition), newest first.</summary>
    public static PagePosition Answered(FollowUpCase c) => new(c.Info.OpenedAt.UtcTicks, c.CaseId);
}

using Orleans.Concurrency;
using Realtime.Contracts.Common;
using Realtime.Contracts.Media;
using Realtime.Contracts.Programmes;
using Realtime.Grains.Indexes;

namespace Realtime.Grains.Archive;

/// <summary>
/// The archive's front (a stateless worker, so every silo answers searches itself): routes an entry to the month its
/// programme was scheduled in, and walks the months newest first for a search — only those the dates allow, and at
/// most <see cref="MonthWalk.MonthsPerPage"/> per request.
/// </summary>
[StatelessWorker]
public sealed class ArchiveGrain : Grain, IArchiveGrain
{
    public Task Publish(ArchiveEntry entry, long revision) =>
        MonthOf(entry.Programme.ScheduledStart).Publish(entry, revision);

    public Task Remove(ProgrammeSummary programme, long revision) =>
        MonthOf(programme.ScheduledStart).Remove(programme.Id, revision);

    public async Task<ArchiveEntry?> Get(string programmeId) =>
        await GrainFactory.GetGrain<IProgrammeGrain>(programmeId).Get() is { } programme
            ? await MonthOf(programme.ScheduledStart).Get(programmeId)
            : null;

    public async Task<Page<ArchiveEntry>> Search(ArchiveQuery query, PagePosition? after, int take)
    {
        var bounds = await GrainFactory.GetGrain<IProgrammeScopeGrain>(IArchiveGrain.Key).Bounds();
        var hits = await MonthWalk.Run<ArchiveHit>(bounds, true, after, query.FromInstant, query.ToInstant, take,
            async (month, n) => await GrainFactory.GetGrain<IArchiveMonthGrain>(month).Search(query, after, n), h => h.Position);
        return new Page<ArchiveEntry>([.. hits.Items.Select(h => h.Entry)], hits.Next);
    }

    private IArchiveMonthGrain MonthOf(DateTimeOffset scheduledStart) =>
        GrainFactory.GetGrain<IArchiveMonthGrain>(ChinaMonths.Of(scheduledStart));
}

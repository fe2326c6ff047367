using System.Collections.Immutable;
using Orleans.Concurrency;
using Realtime.Contracts.Common;
using Realtime.Contracts.Programmes;
using Realtime.Grains.Indexes;

namespace Realtime.Grains.Programmes;

/// <summary>
/// One scope's programmes of one month, in memory, one table row each. Reentrant: reads interleave with writes, and
/// writes arriving together share one batch (group commit). The first programme of a month extends the scope's bounds.
/// </summary>
[Reentrant]
public sealed class ProgrammeMonthGrain(IndexTables tables) : Grain, IProgrammeMonthGrain
{
    public const string Table = "RealtimeProgrammes";
    private IndexPartition<ProgrammeSummary> _items = null!;
    private bool _extended;

    private string Scope => this.GetPrimaryKeyString().Split('|')[0];
    private string Month => this.GetPrimaryKeyString().Split('|')[1];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _items = new IndexPartition<ProgrammeSummary>(tables, Table, this.GetPrimaryKeyString(), () => DeactivateOnIdle());
        await _items.LoadAsync(cancellationToken);
        _extended = _items.Count > 0;
    }

    public async Task Track(ProgrammeSummary programme)
    {
        await _items.Upsert(programme.Id, programme.Version, programme);
        if (!_extended)
        {
            await GrainFactory.GetGrain<IProgrammeScopeGrain>(Scope).Extend(Month);
            _extended = true;
        }
    }

    public Task<ImmutableArray<ProgrammeSummary>> Page(ProgrammeQuery query, PagePosition? after, int take)
    {
        var from = query.From?.UtcTicks ?? long.MinValue;
        var to = query.To?.UtcTicks ?? long.MaxValue;
        var matching = _items.Items.Where(p => p.ScheduledStart.UtcTicks >= from && p.ScheduledStart.UtcTicks < to
            && (query.State is null || p.State == query.State)
            && MonthWalk.IsAfter(p.ScheduledStart.UtcTicks, p.Id, after, query.Descending));
        var ordered = query.Descending
            ? matching.OrderByDescending(p => p.ScheduledStart.UtcTicks).ThenByDescending(p => p.Id, StringComparer.Ordinal)
            : matching.OrderBy(p => p.ScheduledStart.UtcTicks).ThenBy(p => p.Id, StringComparer.Ordinal);
        return Task.FromResult(ordered.Take(take).ToImmutableArray());
    }

    public Task<ImmutableArray<ProgrammeSummary>> All() =>
        Task.FromResult(_items.Items.OrderBy(p => p.ScheduledStart).ThenBy(p => p.Id, StringComparer.Ordinal).ToImmutableArray());
}

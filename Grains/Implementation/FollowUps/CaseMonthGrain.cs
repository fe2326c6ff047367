using System.Collections.Immutable;
using Orleans.Concurrency;
using Realtime.Contracts.Common;
using Realtime.Contracts.FollowUps;
using Realtime.Grains.Indexes;

namespace Realtime.Grains.FollowUps;

/// <summary>One department's cases opened in one month, in memory, one table row each; writes share batches.</summary>
[Reentrant]
public sealed class CaseMonthGrain(IndexTables tables) : Grain, ICaseMonthGrain
{
    public const string Table = "RealtimeCases";
    private IndexPartition<FollowUpCase> _cases = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _cases = new IndexPartition<FollowUpCase>(tables, Table, this.GetPrimaryKeyString(), () => DeactivateOnIdle());
        await _cases.LoadAsync(cancellationToken);
    }

    public async Task<OpenCount> Track(FollowUpCase followUp)
    {
        await _cases.Upsert(followUp.CaseId, followUp.Version, followUp);
        // Versions only grow, so their sum grows with every accepted change: the department keeps the newest count.
        return new OpenCount(_cases.Items.Count(c => c.IsOpen), _cases.Items.Sum(c => (long)c.Version));
    }

    public Task<ImmutableArray<FollowUpCase>> Page(bool open, PagePosition? after, int take)
    {
        var cases = _cases.Items.Where(c => c.IsOpen == open);
        var page = open
            ? cases.Select(c => (Case: c, At: CasePositions.Open(c))).Where(c => MonthWalk.IsAfter(c.At.Key, c.At.Id, after, false))
                .OrderBy(c => c.At.Key).ThenBy(c => c.At.Id, StringComparer.Ordinal)
            : cases.Select(c => (Case: c, At: CasePositions.Answered(c))).Where(c => MonthWalk.IsAfter(c.At.Key, c.At.Id, after, true))
                .OrderByDescending(c => c.At.Key).ThenByDescending(c => c.At.Id, StringComparer.Ordinal);
        return Task.FromResult(page.Take(take).Select(c => c.Case).ToImmutableArray());
    }
}

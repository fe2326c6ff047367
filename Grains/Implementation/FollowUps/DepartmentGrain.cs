using Orleans.Concurrency;
using Realtime.Contracts.Common;
using Realtime.Contracts.FollowUps;
using Realtime.Grains.Common;
using Realtime.Grains.Indexes;

namespace Realtime.Grains.FollowUps;

/// <summary>
/// A department's lists. Cases live in month partitions; this grain keeps which months still have open cases (so the
/// open list reads only those) and the months' bounds (so the answered list knows where to stop). Reentrant with group
/// commit: the many cases a programme's end opens at once share writes.
/// </summary>
[Reentrant]
public sealed class DepartmentGrain(
    [PersistentState("department", StorageNames.Default)] IPersistentState<DepartmentState> state) : Grain, IDepartmentGrain
{
    private GroupCommit? _commit;

    private string Code => this.GetPrimaryKeyString();

    public async Task Track(FollowUpCase followUp)
    {
        var month = ChinaMonths.Of(followUp.Info.OpenedAt);
        var count = await GrainFactory.GetGrain<ICaseMonthGrain>($"{Code}|{month}").Track(followUp);
        var known = state.State.OpenByMonth.GetValueOrDefault(month);
        if (known is null || known.Revision < count.Revision)
        {
            if (count.Open == 0)
                state.State.OpenByMonth.Remove(month);
            else
                state.State.OpenByMonth[month] = new OpenMonth { Open = count.Open, Revision = count.Revision };
        }
        state.State.Bounds = state.State.Bounds?.With(month) ?? new(month, month);
        await (_commit ??= new GroupCommit(WriteOnce)).Commit();
    }

    public async Task<Page<FollowUpCase>> Open(PagePosition? after, int take)
    {
        // Every month that still has open cases, merged by deadline (deadlines need not follow the month order).
        var months = state.State.OpenByMonth.Keys.Order(StringComparer.Ordinal).ToList();
        var found = (await Task.WhenAll(months.Select(m => GrainFactory.GetGrain<ICaseMonthGrain>($"{Code}|{m}").Page(true, after, take + 1))))
            .SelectMany(p => p).OrderBy(c => c.Info.Deadline.UtcTicks).ThenBy(c => c.CaseId, StringComparer.Ordinal).ToList();
        return found.Count > take
            ? new Page<FollowUpCase>([.. found.Take(take)], CasePositions.Open(found[take - 1]))
            : new Page<FollowUpCase>([.. found], null);
    }

    public Task<Page<FollowUpCase>> Answered(PagePosition? after, int take) =>
        MonthWalk.Run<FollowUpCase>(state.State.Bounds, true, after, null, null, take,
            async (month, n) => await GrainFactory.GetGrain<ICaseMonthGrain>($"{Code}|{month}").Page(false, after, n),
            CasePositions.Answered);

    private async Task WriteOnce()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }
}

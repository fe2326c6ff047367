using System.Collections.Immutable;
using Realtime.Contracts.FollowUps;

namespace Realtime.Grains.FollowUps;

/// <summary>A department's open follow-up cases plus the latest answered ones (the full history lives in the cases).</summary>
public sealed class DepartmentGrain(
    [PersistentState("department", StorageNames.Default)] IPersistentState<DepartmentState> state) : Grain, IDepartmentGrain
{
    public const int RecentLimit = 200;

    public async Task Track(FollowUpCase followUp)
    {
        if (followUp.IsOpen)
        {
            state.State.Open[followUp.CaseId] = followUp;
        }
        else
        {
            state.State.Open.Remove(followUp.CaseId);
            state.State.RecentlyAnswered.RemoveAll(c => c.CaseId == followUp.CaseId);
            state.State.RecentlyAnswered.Insert(0, followUp);
            if (state.State.RecentlyAnswered.Count > RecentLimit)
                state.State.RecentlyAnswered.RemoveRange(RecentLimit, state.State.RecentlyAnswered.Count - RecentLimit);
        }
        await state.WriteStateAsync();
    }

    public Task<ImmutableArray<FollowUpCase>> ListCases() => Task.FromResult(
        state.State.Open.Values.OrderBy(c => c.Info.Deadline).Concat(state.State.RecentlyAnswered).ToImmutableArray());
}

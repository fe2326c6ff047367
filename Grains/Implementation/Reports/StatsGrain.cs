using Orleans.Concurrency;
using Realtime.Contracts.Reports;
using Realtime.Grains.Common;

namespace Realtime.Grains.Reports;

/// <summary>
/// Counters of one scope and month, added to by events: a report reads these, never the questions. Reentrant with
/// group commit, so a busy district's counters take one write for many concurrent additions.
/// </summary>
[Reentrant]
public sealed class StatsGrain(
    [PersistentState("stats", StorageNames.Default)] IPersistentState<StatsState> state) : Grain, IStatsGrain
{
    private GroupCommit? _commit;

    public Task Add(StatsCounters delta)
    {
        state.State.Counters = state.State.Counters.Add(delta);
        return (_commit ??= new GroupCommit(() => state.WriteStateAsync())).Commit();
    }

    public Task<StatsCounters> Get() => Task.FromResult(state.State.Counters);
}

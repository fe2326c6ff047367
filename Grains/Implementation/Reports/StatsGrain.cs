using System.Collections.Immutable;
using Orleans.Concurrency;
using Realtime.Contracts.Reports;
using Realtime.Grains.Common;

namespace Realtime.Grains.Reports;

/// <summary>
/// Counters of one scope and month, added to by events: a report reads these, never the questions. Reentrant with
/// group commit, so a busy district's counters take one write for many concurrent additions. Each source's entries are
/// applied once: a version at or below the one recorded for the source is a resend and changes nothing.
/// </summary>
[Reentrant]
public sealed class StatsGrain(
    [PersistentState("stats", StorageNames.Default)] IPersistentState<StatsState> state) : Grain, IStatsGrain
{
    private GroupCommit? _commit;

    public Task Apply(string source, ImmutableArray<StatsEntry> entries)
    {
        var applied = state.State.Applied.GetValueOrDefault(source);
        var counters = state.State.Read();
        foreach (var entry in entries.OrderBy(e => e.Version))
        {
            if (entry.Version <= applied)
                continue;
            counters = counters.Add(entry.Delta);
            applied = entry.Version;
        }
        state.State.Write(counters);
        state.State.Applied[source] = applied;
        // Even a pure resend waits for a write: the first attempt may have been applied in memory but not yet stored.
        return (_commit ??= new GroupCommit(WriteOnce)).Commit();
    }

    public Task<StatsCounters> Get() => Task.FromResult(state.State.Read());

    private async Task WriteOnce()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Memory now holds more than storage: start again from storage, the sources resend.
            DeactivateOnIdle();
            throw;
        }
    }
}

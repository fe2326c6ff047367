using System.Collections.Immutable;
using Realtime.Contracts.Programmes;

namespace Realtime.Grains.Programmes;

[GenerateSerializer, Alias("Realtime.LiveProgrammesState")]
public sealed class LiveProgrammesState
{
    [Id(0)] public Dictionary<string, ProgrammeSummary> Live { get; set; } = [];
}

/// <summary>The programmes on air now: added when one goes live, dropped when it moves on; bounded by what runs at once.</summary>
public sealed class LiveProgrammesGrain(
    [PersistentState("live", StorageNames.Default)] IPersistentState<LiveProgrammesState> state) : Grain, ILiveProgrammesGrain
{
    public async Task Track(ProgrammeSummary programme)
    {
        var known = state.State.Live.GetValueOrDefault(programme.Id);
        if (programme.State == ProgrammeState.Live)
        {
            if (known is not null && known.Version >= programme.Version)
                return;
            state.State.Live[programme.Id] = programme;
        }
        else if (!state.State.Live.Remove(programme.Id))
        {
            return;
        }
        await state.WriteStateAsync();
    }

    public Task<ImmutableArray<ProgrammeSummary>> List() =>
        Task.FromResult(state.State.Live.Values.OrderBy(p => p.ScheduledStart).ToImmutableArray());
}

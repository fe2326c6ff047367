using System.Collections.Immutable;
using Realtime.Contracts.Programmes;

namespace Realtime.Grains.Programmes;

public sealed class ProgrammeCatalogGrain(
    [PersistentState("catalog", StorageNames.Default)] IPersistentState<ProgrammeCatalogState> state)
    : Grain, IProgrammeCatalogGrain
{
    public async Task Track(ProgrammeSummary programme)
    {
        if (state.State.Programmes.TryGetValue(programme.Id, out var known) && known.Version >= programme.Version)
            return;
        state.State.Programmes[programme.Id] = programme;
        await state.WriteStateAsync();
    }

    public Task<ImmutableArray<ProgrammeSummary>> List() =>
        Task.FromResult(state.State.Programmes.Values.OrderBy(p => p.ScheduledStart).ToImmutableArray());
}

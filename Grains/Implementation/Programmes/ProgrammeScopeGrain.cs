using Realtime.Contracts.Programmes;

namespace Realtime.Grains.Programmes;

[GenerateSerializer, Alias("Realtime.ProgrammeScopeState")]
public sealed class ProgrammeScopeState
{
    [Id(0)] public MonthBounds? Bounds { get; set; }
}

/// <summary>The first and last month of a scope's programmes: two strings, whatever the history.</summary>
public sealed class ProgrammeScopeGrain(
    [PersistentState("scope", StorageNames.Default)] IPersistentState<ProgrammeScopeState> state) : Grain, IProgrammeScopeGrain
{
    public async Task Extend(string month)
    {
        var bounds = state.State.Bounds?.With(month) ?? new MonthBounds(month, month);
        if (bounds == state.State.Bounds)
            return;
        state.State.Bounds = bounds;
        await state.WriteStateAsync();
    }

    public Task<MonthBounds?> Bounds() => Task.FromResult(state.State.Bounds);
}

using System.Collections.Immutable;
using Realtime.Contracts.Districts;

namespace Realtime.Grains.Districts;

public sealed class CityGrain(
    [PersistentState("city", StorageNames.Default)] IPersistentState<CityState> state) : Grain, ICityGrain
{
    public Task<ImmutableArray<string>> ListDistricts() =>
        Task.FromResult(state.State.Districts.Order(StringComparer.Ordinal).ToImmutableArray());

    public async Task AddDistrict(string code)
    {
        if (state.State.Districts.Contains(code))
            return;
        state.State.Districts.Add(code);
        await state.WriteStateAsync();
    }
}

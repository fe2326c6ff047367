using Realtime.Contracts.Common;
using Realtime.Contracts.Districts;

namespace Realtime.Grains.Districts;

public sealed class CommunityGrain(
    [PersistentState("community", StorageNames.Default)] IPersistentState<CommunityState> state,
    IGrainFactory grains) : Grain, ICommunityGrain
{
    private string Code => this.GetPrimaryKeyString();

    public async Task<Result<CommunityInfo>> Define(string name, string districtCode)
    {
        if (string.IsNullOrWhiteSpace(name))
            return Result<CommunityInfo>.Invalid("name", "社区名称不能为空。");
        if (state.State.DistrictCode is { } current && current != districtCode)
            return Result<CommunityInfo>.WrongState("Defined", $"社区 {Code} 已属于区县 {current}。");

        var district = grains.GetGrain<IDistrictGrain>(districtCode);
        var added = await district.AddCommunity(new CommunityRef(Code, name));
        if (!added.IsOk)
            return added.As<CommunityInfo>();

        if (state.State.Name != name || state.State.DistrictCode != districtCode)
        {
            state.State.Name = name;
            state.State.DistrictCode = districtCode;
            await state.WriteStateAsync();
        }
        return Result<CommunityInfo>.Ok(ToInfo());
    }

    public Task<CommunityInfo?> Get() => Task.FromResult(state.State.Name is null ? null : ToInfo());

    private CommunityInfo ToInfo() => new(Code, state.State.Name!, state.State.DistrictCode!);
}

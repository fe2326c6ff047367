using Realtime.Contracts.Common;
using Realtime.Contracts.Districts;

namespace Realtime.Grains.Districts;

public sealed class DistrictGrain(
    [PersistentState("district", StorageNames.Default)] IPersistentState<DistrictState> state,
    IGrainFactory grains) : Grain, IDistrictGrain
{
    private string Code => this.GetPrimaryKeyString();

    public async Task<Result<DistrictInfo>> Define(string name, DistrictKind kind)
    {
        if (string.IsNullOrWhiteSpace(name))
            return Result<DistrictInfo>.Invalid("name", "区县名称不能为空。");
        if (state.State.Name is not null)
        {
            return state.State.Name == name && state.State.Kind == kind
                ? Result<DistrictInfo>.Ok(ToInfo())
                : Result<DistrictInfo>.WrongState("Defined", $"区县 {Code} 已定义为“{state.State.Name}”。");
        }

        state.State.Name = name;
        state.State.Kind = kind;
        await state.WriteStateAsync();
        await grains.GetGrain<ICityGrain>(ICityGrain.Shenyang).AddDistrict(Code);
        return Result<DistrictInfo>.Ok(ToInfo());
    }

    public Task<DistrictInfo?> Get() => Task.FromResult(state.State.Name is null ? null : ToInfo());

    public async Task<Result<DistrictInfo>> AddCommunity(CommunityRef community)
    {
        if (state.State.Name is null)
            return Result<DistrictInfo>.NotFound($"区县 {Code} 不存在。");
        var existing = state.State.Communities.FindIndex(c => c.Code == community.Code);
        if (existing >= 0 && state.State.Communities[existing] == community)
            return Result<DistrictInfo>.Ok(ToInfo());
        if (existing >= 0)
            state.State.Communities[existing] = community;
        else
            state.State.Communities.Add(community);
        await state.WriteStateAsync();
        return Result<DistrictInfo>.Ok(ToInfo());
    }

    private DistrictInfo ToInfo() => new(
        Code,
        state.State.Name!,
        state.State.Kind,
        [.. state.State.Communities.OrderBy(c => c.Code, StringComparer.Ordinal)],
        []);
}

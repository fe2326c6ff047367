using Microsoft.AspNetCore.SignalR;
using Realtime.Contracts.Districts;
using Realtime.Contracts.Programmes;
using Realtime.LiveApi.Apis;

namespace Realtime.LiveApi.Hubs;

/// <summary>
/// Public live status: watch the programme list, one programme or one district. Each Watch call returns the current
/// snapshot after joining the group, so no change can fall between the snapshot and the first push.
/// </summary>
public sealed class LiveHub(IGrainFactory grains) : Hub<ILiveClient>
{
    public async Task<ProgrammeSummary[]> WatchCatalog()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Catalog);
        return [.. await grains.GetGrain<IProgrammeCatalogGrain>(IProgrammeCatalogGrain.All).List()];
    }

    public async Task<ProgrammeDetails> WatchProgramme(string programmeId)
    {
        var programme = Identifiers.ProgrammeId().IsMatch(programmeId ?? "")
            ? await grains.GetGrain<IProgrammeGrain>(programmeId!).Get()
            : null;
        if (programme is null)
            throw new HubException($"节目 {programmeId} 不存在。");
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Programme(programmeId!));
        return await grains.GetGrain<IProgrammeGrain>(programmeId!).Get() ?? programme;
    }

    public async Task<DistrictInfo> WatchDistrict(string districtCode)
    {
        if (await DistrictsApi.FindDistrict(districtCode ?? "", grains) is null)
            throw new HubException($"区县 {districtCode} 不存在。");
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.District(districtCode!));
        return (await grains.GetGrain<IDistrictGrain>(districtCode!).Get())!;
    }

    /// <summary>Admins: every transcoding job, then each change as it happens.</summary>
    [Microsoft.AspNetCore.Authorization.Authorize(Roles = "admin")]
    public async Task<Contracts.Media.MediaJob[]> WatchMedia()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Media);
        return [.. await grains.GetGrain<Contracts.Media.IMediaQueueGrain>(Contracts.Media.IMediaQueueGrain.Key).List()];
    }

    public Task UnwatchProgramme(string programmeId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Programme(programmeId ?? ""));

    public Task UnwatchDistrict(string districtCode) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.District(districtCode ?? ""));
}

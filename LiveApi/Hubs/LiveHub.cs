using Microsoft.AspNetCore.SignalR;
using Realtime.Contracts.Districts;
using Realtime.Contracts.Programmes;
using Realtime.LiveApi.Apis;

namespace Realtime.LiveApi.Hubs;

/// <summary>
/// Public live status: watch the programme list, one programme or one district. Each Watch call returns the current
/// snapshot after joining the group, so no change can fall between the snapshot and the first push.
/// </summary>
public sealed class LiveHub(IGrainFactory grains, TimeProvider clock) : Hub<ILiveClient>
{
    /// <summary>The landing window (live, next 7 days, last 7 days); then every programme change. Older ones are paged over REST.</summary>
    public async Task<ProgrammeWindow> WatchCatalog()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Catalog);
        return await grains.GetGrain<IProgrammeListGrain>(0).Window(ProgrammeScopes.All, clock.GetUtcNow());
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
        return await DistrictsApi.WithWindow((await grains.GetGrain<IDistrictGrain>(districtCode!).Get())!, grains, clock);
    }

    /// <summary>Admins: every transcoding job, then each change as it happens.</summary>
    [Microsoft.AspNetCore.Authorization.Authorize(Roles = "admin")]
    public async Task<Contracts.Media.MediaJob[]> WatchMedia()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Media);
        return [.. await grains.GetGrain<Contracts.Media.IMediaQueueGrain>(Contracts.Media.IMediaQueueGrain.Key).List()];
    }

    /// <summary>Admins: every open live stream (address, passphrase, health), then each change as it happens.</summary>
    [Microsoft.AspNetCore.Authorization.Authorize(Roles = "admin")]
    public async Task<Contracts.LiveStreams.LiveStream[]> WatchLiveStreams()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Media);
        return [.. await grains.GetGrain<Contracts.LiveStreams.ILiveQueueGrain>(Contracts.LiveStreams.ILiveQueueGrain.Key).List()];
    }

    public Task UnwatchProgramme(string programmeId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Programme(programmeId ?? ""));

    public Task UnwatchDistrict(string districtCode) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.District(districtCode ?? ""));
}

using Microsoft.AspNetCore.SignalR;
using Realtime.Contracts.Live;
using Realtime.LiveApi.Hubs;

namespace Realtime.LiveApi.Push;

/// <summary>This host's observer: receives every live event once and sends it to the right SignalR groups here.</summary>
public sealed class LiveEventDispatcher(IHubContext<LiveHub, ILiveClient> hub, ILogger<LiveEventDispatcher> logger)
    : ILiveHostObserver
{
    public Task Deliver(LiveEvent liveEvent)
    {
        try
        {
            return liveEvent switch
            {
                ProgrammeChanged changed => hub.Clients
                    .Groups([HubGroups.Catalog, HubGroups.Programme(changed.Programme.Id),
                        .. changed.Programme.Districts.Select(HubGroups.District)])
                    .ProgrammeChanged(changed.Programme),
                _ => Task.CompletedTask,
            };
        }
        catch (Exception ex)
        {
            LiveApiLog.DispatchFailed(logger, liveEvent.GetType().Name, ex);
            return Task.CompletedTask;
        }
    }
}

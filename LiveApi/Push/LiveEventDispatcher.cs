using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Realtime.Contracts.Live;
using Realtime.Contracts.Questions;
using Realtime.LiveApi.Hubs;
using Realtime.LiveApi.Media;
using Realtime.LiveApi.Telemetry;

namespace Realtime.LiveApi.Push;

/// <summary>
/// This host's observer: receives every live event once and sends each audience its part, to the connections of this
/// host: moderators everything, each asker their own questions, viewers what is or was public.
/// </summary>
public sealed class LiveEventDispatcher(
    IHubContext<LiveHub, ILiveClient> live,
    IHubContext<DeskHub, IDeskClient> desk,
    StudioFeed studio,
    LiveApiMetrics metrics,
    LivePlaylists playlists,
    ILogger<LiveEventDispatcher> logger) : ILiveHostObserver
{
    public async Task Deliver(LiveEvent liveEvent)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            switch (liveEvent)
            {
                case ProgrammeChanged changed:
                    await live.Clients
                        .Groups([HubGroups.Catalog, HubGroups.Programme(changed.Programme.Id),
                            .. changed.Programme.Districts.Select(HubGroups.District)])
                        .ProgrammeChanged(changed.Programme);
                    break;
                case DeskChanged changed:
                    await DeliverDesk(changed);
                    break;
                case MediaJobChanged changed:
                    await live.Clients.Group(HubGroups.Media).MediaJobChanged(changed.Job, changed.QueuePosition);
                    break;
                case LivePlaylistAppended appended:
                    playlists.Appended(appended);
                    break;
                case LiveStreamChanged changed:
                    playlists.Changed(changed.Stream);
                    await Task.WhenAll(
                        live.Clients.Group(HubGroups.Media).LiveStreamChanged(changed.Stream),
                        live.Clients.Group(HubGroups.Programme(changed.Stream.ProgrammeId)).LivePlaybackChanged(changed.Stream.ToPlayback()),
                        desk.Clients.Group(HubGroups.Desk(changed.Stream.ProgrammeId)).LivePlaybackChanged(changed.Stream.ToPlayback()));
                    break;
            }
            metrics.Pushed(liveEvent.GetType().Name, Stopwatch.GetElapsedTime(started));
        }
        catch (Exception ex)
        {
            LiveApiLog.DispatchFailed(logger, liveEvent.GetType().Name, ex);
        }
    }

    private async Task DeliverDesk(DeskChanged changed)
    {
        var id = changed.ProgrammeId;
        studio.Publish(id, changed.Version, changed.Status);
        var sends = new List<Task>
        {
            desk.Clients.Group(HubGroups.DeskStaff(id)).StaffDeskChanged(new StaffPatch(id, changed.Version,
                [.. changed.Questions.Select(q => q.Question)], changed.Status, [.. changed.Log])),
            desk.Clients.Group(HubGroups.Desk(id)).DeskChanged(new ViewerPatch(id, changed.Version,
                [.. changed.Questions.Where(q => q.IsPublicChange).Select(q => q.Question.ToPublic())], changed.Status)),
        };
        foreach (var change in changed.Questions)
            sends.Add(desk.Clients.User(change.Question.AskerId).MyQuestionChanged(id, change.Question.ToPublic()));
        await Task.WhenAll(sends);
    }
}

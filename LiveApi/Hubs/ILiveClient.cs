using Realtime.Contracts.Programmes;

namespace Realtime.LiveApi.Hubs;

/// <summary>What the server pushes to browsers on /hubs/live.</summary>
public interface ILiveClient
{
    /// <summary>A programme was scheduled or changed state. Ignore it when its Version is not newer than yours.</summary>
    Task ProgrammeChanged(ProgrammeDetails programme);

    /// <summary>To admins watching the media page: a transcoding job's state or progress (percent, fps, speed, ETA).</summary>
    Task MediaJobChanged(Contracts.Media.MediaJob job, int? queuePosition);

    /// <summary>To admins watching the media page: a live stream's state, encoder address and health.</summary>
    Task LiveStreamChanged(Contracts.LiveStreams.LiveStream stream);

    /// <summary>To a programme's viewers: its live stream became playable, lost its signal or ended.</summary>
    Task LivePlaybackChanged(Contracts.LiveStreams.LivePlayback playback);
}

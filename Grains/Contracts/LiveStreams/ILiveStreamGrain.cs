using Realtime.Contracts.Common;
using Realtime.Contracts.Media;

namespace Realtime.Contracts.LiveStreams;

/// <summary>
/// One programme's live stream (key = programme id): opened by an admin, leased to a worker that listens for the studio
/// encoder, ended with the programme. Only the worker holding the lease may report on it.
/// </summary>
[Alias("Realtime.ILiveStreamGrain")]
public interface ILiveStreamGrain : IGrainWithStringKey
{
    /// <summary>Opens the stream (Scheduled or Live programmes only; a second open stream is refused).</summary>
    [Alias("Open")]
    Task<Result<LiveStream>> Open();

    [Alias("Get")]
    Task<LiveStream?> Get();

    /// <summary>Called by the live queue: hands the stream to a worker listening at <paramref name="address"/>.</summary>
    [Alias("Lease")]
    Task<Result<LiveStream>> Lease(string workerId, string address, DateTimeOffset until);

    /// <summary>The worker's report (health, the problem it sees, whether segments are published), renewing its lease.</summary>
    [Alias("Report")]
    Task<LiveControl> Report(string workerId, LiveHealth health, LiveProblem? problem, bool playable, DateTimeOffset until);

    /// <summary>New lines of a live playlist, after the segments they list were uploaded: pushed to every LiveApi host.</summary>
    [Alias("Append")]
    Task<LiveControl> Append(string workerId, string playlist, long offset, string text);

    /// <summary>The worker closed the playlists: the replay is published at once (the download may follow).</summary>
    [Alias("Finish")]
    Task<Result<LiveStream>> Finish(string workerId, Recording recording);

    /// <summary>The watchdog: a lease that ran out puts the stream back in the queue for another worker.</summary>
    [Alias("ExpireLease")]
    Task<LiveStream?> ExpireLease();
}

/// <summary>Open live streams waiting for a worker, and the lease watchdog (one grain, key "live").</summary>
[Alias("Realtime.ILiveQueueGrain")]
public interface ILiveQueueGrain : IGrainWithStringKey
{
    public const string Key = "live";

    [Alias("Enqueue")]
    Task Enqueue(string programmeId);

    /// <summary>The next waiting stream, leased to this worker listening at <paramref name="address"/>; null when none waits.</summary>
    [Alias("LeaseNext")]
    Task<LiveStream?> LeaseNext(string workerId, string address, TimeSpan lease);

    /// <summary>Every open stream (waiting or leased), for the admin page.</summary>
    [Alias("List")]
    Task<LiveStream[]> List();

    /// <summary>The stream ended: stop watching it.</summary>
    [Alias("Finished")]
    Task Finished(string programmeId);
}

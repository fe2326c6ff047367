using Orleans.Concurrency;
using Realtime.Contracts.LiveStreams;
using Realtime.Grains.Common;

namespace Realtime.Grains.LiveStreams;

/// <summary>
/// Live streams waiting for a worker, and the lease watchdog. A queue apart from the transcoding queue: a live
/// programme must never wait behind a two-hour transcode, and workers take live streams in slots of their own.
/// Reentrant because stream grains call it back while it calls them; every write goes through one <see cref="GroupCommit"/>.
/// </summary>
[Reentrant]
public sealed class LiveQueueGrain(
    [PersistentState("live-queue", StorageNames.Default)] IPersistentState<LiveQueueState> state,
    IGrainFactory grains,
    TimeProvider clock) : Grain, ILiveQueueGrain
{
    public static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(1);
    private GroupCommit? _commit;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(Watch, new GrainTimerCreationOptions(WatchInterval, WatchInterval) { KeepAlive = true });
        return Task.CompletedTask;
    }

    public Task Enqueue(string programmeId)
    {
        state.State.Leased.Remove(programmeId);
        if (!state.State.Waiting.Contains(programmeId))
            state.State.Waiting.Add(programmeId);
        return Persist();
    }

    public async Task<LiveStream?> LeaseNext(string workerId, string address, TimeSpan lease)
    {
        while (state.State.Waiting.Count > 0)
        {
            var id = state.State.Waiting[0];
            state.State.Waiting.RemoveAt(0);
            var leased = await grains.GetGrain<ILiveStreamGrain>(id).Lease(workerId, address, clock.GetUtcNow() + lease);
            if (!leased.IsOk)
                continue; // ended or already taken
            state.State.Leased.Add(id);
            await Persist();
            return leased.Value;
        }
        return null;
    }

    public async Task<LiveStream[]> List()
    {
        var streams = await Task.WhenAll(state.State.Waiting.Concat(state.State.Leased).Distinct()
            .Select(id => grains.GetGrain<ILiveStreamGrain>(id).Get()));
        return [.. streams.OfType<LiveStream>()];
    }

    public Task Finished(string programmeId) =>
        state.State.Waiting.Remove(programmeId) | state.State.Leased.Remove(programmeId) ? Persist() : Task.CompletedTask;

    private Task Persist() => (_commit ??= new GroupCommit(() => state.WriteStateAsync())).Commit();

    private async Task Watch(CancellationToken cancellationToken)
    {
        foreach (var id in state.State.Leased.ToList())
        {
            var stream = await grains.GetGrain<ILiveStreamGrain>(id).ExpireLease();
            if (stream is not { WorkerId: not null })
                state.State.Leased.Remove(id); // back in the queue (it enqueued itself) or ended
        }
    }
}

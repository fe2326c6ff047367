using System.Collections.Immutable;
using Orleans.Concurrency;
using Realtime.Contracts.Common;
using Realtime.Contracts.Media;
using Realtime.Grains.Common;

namespace Realtime.Grains.Media;

/// <summary>
/// The order of waiting jobs and the lease watchdog. Reentrant because job grains call it back (enqueue, finished)
/// while it may be calling them; its own state changes happen between awaits, and every write goes through one
/// <see cref="GroupCommit"/>, so overlapping calls never write over each other and one write acknowledges them all.
/// </summary>
[Reentrant]
public sealed class MediaQueueGrain(
    [PersistentState("queue", StorageNames.Default)] IPersistentState<MediaQueueState> state,
    IGrainFactory grains,
    TimeProvider clock) : Grain, IMediaQueueGrain
{
    public static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(2);
    private const int RecentLimit = 200;
    private GroupCommit? _commit;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Keeps the watchdog running while any job is leased.
        this.RegisterGrainTimer(Watch, new GrainTimerCreationOptions(WatchInterval, WatchInterval) { KeepAlive = true });
        return Task.CompletedTask;
    }

    public async Task Enqueue(string jobId)
    {
        state.State.Leased.Remove(jobId);
        if (!state.State.Queued.Contains(jobId))
            state.State.Queued.Add(jobId);
        if (!state.State.Recent.Contains(jobId))
        {
            state.State.Recent.Insert(0, jobId);
            if (state.State.Recent.Count > RecentLimit)
                state.State.Recent.RemoveAt(state.State.Recent.Count - 1);
        }
        await Persist();
    }

    public async Task<MediaJob?> LeaseNext(string workerId, TimeSpan lease)
    {
        while (state.State.Queued.Count > 0)
        {
            var jobId = state.State.Queued[0];
            state.State.Queued.RemoveAt(0);
            Result<MediaJob> leased;
            try
            {
                leased = await grains.GetGrain<IMediaJobGrain>(jobId).Lease(workerId, clock.GetUtcNow() + lease);
            }
            catch
            {
                // The job could not be stored as leased: it is still waiting, first in line.
                state.State.Queued.Insert(0, jobId);
                throw;
            }
            if (!leased.IsOk)
                continue; // cancelled or already taken: not waiting any more
            state.State.Leased.Add(jobId);
            await Persist();
            return leased.Value;
        }
        await Persist();
        return null;
    }

    public async Task<ImmutableArray<MediaJob>> List()
    {
        var jobs = await Task.WhenAll(state.State.Recent.Select(id => grains.GetGrain<IMediaJobGrain>(id).Get()));
        return [.. jobs.OfType<MediaJob>()];
    }

    public Task<int?> PositionOf(string jobId)
    {
        var index = state.State.Queued.IndexOf(jobId);
        return Task.FromResult<int?>(index < 0 ? null : index + 1);
    }

    public async Task Finished(string jobId)
    {
        if (state.State.Queued.Remove(jobId) | state.State.Leased.Remove(jobId))
            await Persist();
    }

    private Task Persist() => (_commit ??= new GroupCommit(WriteOnce)).Commit();

    private async Task WriteOnce()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Memory may hold what storage does not: start again from storage.
            DeactivateOnIdle();
            throw;
        }
    }

    private async Task Watch(CancellationToken cancellationToken)
    {
        foreach (var jobId in state.State.Leased.ToList())
        {
            var job = await grains.GetGrain<IMediaJobGrain>(jobId).ExpireLease();
            if (job is not { State: MediaJobState.Leased or MediaJobState.Running })
                state.State.Leased.Remove(jobId); // requeued (it enqueued itself) or finished
        }
    }
}

using System.Security.Cryptography;
using Realtime.Contracts.Common;
using Realtime.Contracts.Live;
using Realtime.Contracts.LiveStreams;
using Realtime.Contracts.Media;
using Realtime.Contracts.Programmes;
using Realtime.Grains.Media;

namespace Realtime.Grains.LiveStreams;

/// <summary>
/// One programme's live stream. The admin opens it; the live queue leases it to a worker, whose reports renew the lease
/// and carry the stream's health (kept in memory, pushed to admins; written only when the state changes). When the
/// programme has ended, the next report is answered with <see cref="LiveControl.Finish"/>: the worker closes the
/// playlists and hands over the recording, which is published to the archive at once.
/// </summary>
public sealed class LiveStreamGrain(
    [PersistentState("live-stream", StorageNames.Default)] IPersistentState<LiveStreamGrainState> state,
    IGrainFactory grains,
    TimeProvider clock) : Grain, ILiveStreamGrain
{
    private string Id => this.GetPrimaryKeyString();
    private ILiveQueueGrain Queue => grains.GetGrain<ILiveQueueGrain>(ILiveQueueGrain.Key);

    public async Task<Result<LiveStream>> Open()
    {
        var programme = await grains.GetGrain<IProgrammeGrain>(Id).Get();
        if (programme is null)
            return Result<LiveStream>.NotFound($"节目 {Id} 不存在。");
        if (programme.State is not (ProgrammeState.Scheduled or ProgrammeState.Live))
            return Result<LiveStream>.WrongState(programme.State.ToString(),
                $"节目当前状态为“{SeriesCatalog.ChineseName(programme.State)}”，不能开启直播流：只有未开始或直播中的节目可以开启。");
        if (state.State.Stream is { } existing)
            return Result<LiveStream>.WrongState("StreamOpen", existing.State == LiveStreamState.Ended
                ? "这个节目的直播流已经结束。"
                : "这个节目的直播流已经开启：同一节目只能有一路直播流，请使用下方的推流地址和密码。");
        var now = clock.GetUtcNow();
        var stream = new LiveStream(Id, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            programme.Kind == ProgrammeKind.Radio ? MediaKind.Radio : MediaKind.Video, LiveStreamState.Waiting, NewPassphrase(), 0,
            null, null, null, null, null, now, null, null, 1);
        await Save(stream);
        await Queue.Enqueue(Id);
        await Announce(stream);
        return Result<LiveStream>.Ok(stream);
    }

    public Task<LiveStream?> Get() => Task.FromResult(state.State.Stream);

    public async Task<Result<LiveStream>> Lease(string workerId, string address, DateTimeOffset until)
    {
        if (state.State.Stream is not { State: LiveStreamState.Waiting } stream)
            return Result<LiveStream>.WrongState(state.State.Stream?.State.ToString() ?? "None", "这路直播流不在等待转码节点。");
        var leased = Next(stream) with
        {
            State = LiveStreamState.Listening, Run = stream.Run + 1, WorkerId = workerId, Address = address,
            LeaseExpiresAt = until, Health = null,
            // A worker that took over after another went silent keeps that note until its encoder is back.
            Problem = stream.Problem?.Code == "worker_lost" ? stream.Problem : null,
        };
        await Save(leased);
        await Announce(leased);
        return Result<LiveStream>.Ok(leased);
    }

    public async Task<LiveControl> Report(string workerId, LiveHealth health, LiveProblem? problem, bool playable, DateTimeOffset until)
    {
        if (!Holds(workerId, out var stream))
            return LiveControl.Stop;
        var next = stream with
        {
            Health = health,
            Problem = problem ?? (health.Connected ? null : stream.Problem),
            LeaseExpiresAt = until,
            State = health.Connected ? LiveStreamState.Receiving
                : stream.State is LiveStreamState.Receiving or LiveStreamState.Interrupted || stream.PlayableAt is not null ? LiveStreamState.Interrupted
                : LiveStreamState.Listening,
            PlayableAt = stream.PlayableAt ?? (playable ? clock.GetUtcNow() : null),
        };
        var changed = next.State != stream.State || next.Problem != stream.Problem || next.PlayableAt != stream.PlayableAt;
        next = Next(next);
        if (changed)
            await Save(next);
        else
            state.State.Stream = next; // health and lease: memory only, a lost update is renewed by the next report
        await Announce(next);
        return await ProgrammeEnded() ? LiveControl.Finish : LiveControl.Continue;
    }

    public async Task<LiveControl> Append(string workerId, string playlist, long offset, string text)
    {
        if (!Holds(workerId, out var stream))
            return LiveControl.Stop;
        await grains.GetGrain<ILivePublisherGrain>(0).Publish(new LivePlaylistAppended(Id, stream.StreamId, playlist, offset, text));
        return LiveControl.Continue;
    }

    public async Task<Result<LiveStream>> Finish(string workerId, Recording recording)
    {
        var stream = state.State.Stream;
        // The download is handed over after the replay: the worker that ended the stream may still add it.
        var addsDownload = stream is { State: LiveStreamState.Ended } && stream.WorkerId == workerId;
        if (!addsDownload && !Holds(workerId, out stream))
            return Result<LiveStream>.WrongState(state.State.Stream?.State.ToString() ?? "None", "这个转码节点不再持有该直播流。");
        // No master: the encoder never sent anything playable, so there is no replay to publish.
        var published = string.IsNullOrEmpty(recording.MasterPath) ? null
            : await grains.GetGrain<IRecordingPublisher>(0).Publish(recording with { ProgrammeId = Id, JobId = stream!.StreamId, Live = true }, replace: false);
        if (addsDownload)
            return Result<LiveStream>.Ok(stream!);
        var ended = Next(stream!) with
        {
            State = LiveStreamState.Ended, EndedAt = clock.GetUtcNow(), LeaseExpiresAt = null,
            Health = stream!.Health is { } h ? h with { Connected = false } : null,
            Problem = published is null ? new LiveProblem("no_replay", "直播结束时没有收到过节目信号，没有生成回放。", clock.GetUtcNow())
                : published.Published ? null
                : new LiveProblem("replay_exists", "这期节目已经有发布的录像，直播录像没有替换它。", clock.GetUtcNow()),
        };
        await Save(ended);
        await Queue.Finished(Id);
        await Announce(ended);
        return Result<LiveStream>.Ok(ended);
    }

    public async Task<LiveStream?> ExpireLease()
    {
        if (state.State.Stream is not { WorkerId: not null, State: not LiveStreamState.Ended } stream || stream.LeaseExpiresAt > clock.GetUtcNow())
            return state.State.Stream;
        var waiting = Next(stream) with
        {
            State = LiveStreamState.Waiting, WorkerId = null, Address = null, LeaseExpiresAt = null,
            Health = stream.Health is { } h ? h with { Connected = false } : null,
            Problem = new LiveProblem("worker_lost", $"转码节点 {stream.WorkerId} 失去联系（worker_lost）：正在交给其他转码节点，推流地址会改变。", clock.GetUtcNow()),
        };
        await Save(waiting);
        await Queue.Enqueue(Id);
        await Announce(waiting);
        return waiting;
    }

    private bool Holds(string workerId, out LiveStream stream)
    {
        stream = state.State.Stream!;
        return stream is { State: not (LiveStreamState.Ended or LiveStreamState.Waiting) } && stream.WorkerId == workerId;
    }

    private async Task<bool> ProgrammeEnded() =>
        await grains.GetGrain<IProgrammeGrain>(Id).Get() is not { State: ProgrammeState.Scheduled or ProgrammeState.Live };

    /// <summary>SRT takes 10–79 characters; 24 letters and digits (no look-alikes) are typed or pasted without mistakes.</summary>
    private static string NewPassphrase()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        return string.Create(24, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
                span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        });
    }

    private LiveStream Next(LiveStream stream) => stream with { Version = stream.Version + 1 };

    private Task Save(LiveStream stream)
    {
        state.State.Stream = stream;
        return state.WriteStateAsync();
    }

    private Task Announce(LiveStream stream) => grains.GetGrain<ILivePublisherGrain>(0).Publish(new LiveStreamChanged(stream));
}

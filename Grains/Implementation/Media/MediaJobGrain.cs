using System.Collections.Immutable;
using Realtime.Contracts.Common;
using Realtime.Contracts.Live;
using Realtime.Contracts.Media;
using Microsoft.Extensions.Logging;

namespace Realtime.Grains.Media;

/// <summary>
/// The life of one transcoding job. Only the worker holding the lease may report on it; a lost lease or a retryable
/// failure puts it back in the queue until its attempts are used up. Every change is pushed to the admin page.
/// </summary>
public sealed class MediaJobGrain(
    [PersistentState("job", StorageNames.Default)] IPersistentState<MediaJobGrainState> state,
    IGrainFactory grains,
    TimeProvider clock,
    ILogger<MediaJobGrain> logger) : Grain, IMediaJobGrain
{
    private static readonly ImmutableArray<string> NoTail = [];
    private static readonly ImmutableArray<JobFailureReason> NoReasons = [];

    /// <summary>Another job's replay was published for the programme meanwhile, and this one was not a replacement.</summary>
    private static readonly JobFailureReason ReplayExists = new("replay_exists",
        "这期节目已经发布了另一段录像（replay_exists）：如需替换，请重新上传并确认“替换已发布的录像”。");

    /// <summary>The worker's layout (MediaWorker OutputLayout.MasterPlaylist): the one path an early publication needs.</summary>
    private const string EarlyMaster = "master.m3u8";
    private IMediaQueueGrain Queue => grains.GetGrain<IMediaQueueGrain>(IMediaQueueGrain.Key);
    private string Id => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Jobs stored before failure reasons were a list have none: an empty list, not a default array, goes out as JSON.
        if (state.State.Job is { FailureReasons.IsDefault: true } job)
            state.State.Job = job with { FailureReasons = job.FailureCode is null ? NoReasons : [new(job.FailureCode, job.FailureMessage ?? "")] };
        return Task.CompletedTask;
    }

    public async Task<Result<MediaJob>> Create(string programmeId, string recordingId, MediaKind kind, string sourceBlob, string fileName, long sizeBytes,
        int maxAttempts, bool replace)
    {
        if (state.State.Job is { } existing)
            return Result<MediaJob>.Ok(existing);
        var now = clock.GetUtcNow();
        var job = new MediaJob(Id, programmeId, recordingId, kind, sourceBlob, fileName, sizeBytes, MediaJobState.Queued, 0,
            maxAttempts, null, null, null, null, null, NoTail, now, now, null, 1, Replace: replace) { FailureReasons = NoReasons };
        await Save(job);
        await Queue.Enqueue(Id);
        await Announce(job);
        return Result<MediaJob>.Ok(job);
    }

    public Task<MediaJob?> Get() => Task.FromResult(state.State.Job);

    public async Task<Result<MediaJob>> Lease(string workerId, DateTimeOffset until)
    {
        if (state.State.Job is not { State: MediaJobState.Queued } job)
            return Result<MediaJob>.WrongState(state.State.Job?.State.ToString() ?? "Missing", "任务不在排队中。");
        var leased = Next(job) with { State = MediaJobState.Leased, WorkerId = workerId, LeaseExpiresAt = until, Attempts = job.Attempts + 1, Progress = null };
        await Save(leased);
        await Announce(leased);
        return Result<MediaJob>.Ok(leased);
    }

    public async Task<JobControl> Heartbeat(string workerId, MediaProgress progress, DateTimeOffset until, bool playable)
    {
        if (state.State.Job is not { State: MediaJobState.Leased or MediaJobState.Running } job || job.WorkerId != workerId)
            return JobControl.Stop;
        var playableAt = job.PlayableAt ?? (playable && await TryPublishEarly(job) ? clock.GetUtcNow() : null);
        var running = Next(job) with { State = MediaJobState.Running, Progress = progress, LeaseExpiresAt = until, PlayableAt = playableAt };
        await Save(running);
        await Announce(running);
        return JobControl.Continue;
    }

    public async Task<Result<MediaJob>> Complete(string workerId, Recording recording)
    {
        if (Holding(workerId) is { } refusal)
            return refusal;
        var job = state.State.Job!;
        // Published first: a programme that got another replay meanwhile keeps it unless this job is a replacement.
        var outcome = await grains.GetGrain<IRecordingPublisher>(0).Publish(recording, job.Replace);
        if (!outcome.Published)
            return Result<MediaJob>.Ok(await Failed(job, [ReplayExists], job.StderrTail, retryable: false));
        var done = Next(job) with
        {
            State = MediaJobState.Succeeded,
            LeaseExpiresAt = null,
            Progress = new MediaProgress(100, null, null, 0),
            FinishedAt = clock.GetUtcNow(),
            FailureCode = null,
            FailureMessage = null,
            FailureReasons = NoReasons,
            ReplacedJobId = outcome.ReplacedJobId,
        };
        await Save(done);
        await Queue.Finished(Id);
        if (outcome.ReplacedJobId is { } replaced)
            await grains.GetGrain<IMediaJobGrain>(replaced).Supersede(Id);
        await Announce(done);
        return Result<MediaJob>.Ok(done);
    }

    public async Task<Result<MediaJob>> Fail(string workerId, ImmutableArray<JobFailureReason> reasons, ImmutableArray<string> stderrTail, bool retryable)
    {
        if (Holding(workerId) is { } refusal)
            return refusal;
        if (reasons.IsDefaultOrEmpty)
            return Result<MediaJob>.Invalid("reasons", "至少需要一个失败原因。");
        return Result<MediaJob>.Ok(await Failed(state.State.Job!, reasons, stderrTail, retryable));
    }

    public async Task Supersede(string byJobId)
    {
        if (state.State.Job is not { } job || job.SupersededBy == byJobId)
            return;
        var superseded = Next(job) with { SupersededBy = byJobId };
        await Save(superseded);
        await Announce(superseded);
    }

    public async Task<MediaJob?> ExpireLease()
    {
        if (state.State.Job is not { State: MediaJobState.Leased or MediaJobState.Running } job || job.LeaseExpiresAt > clock.GetUtcNow())
            return state.State.Job;
        return await Failed(job, [new("lease_expired", $"转码节点 {job.WorkerId} 失去联系（lease_expired）。")], job.StderrTail, retryable: true);
    }

    public async Task<Result<MediaJob>> Cancel()
    {
        if (state.State.Job is not { } job)
            return Result<MediaJob>.NotFound($"转码任务 {Id} 不存在。");
        if (job.IsFinished)
            return Result<MediaJob>.WrongState(job.State.ToString(), $"任务已{ChineseName(job.State)}，不能取消。");
        var cancelled = Next(job) with { State = MediaJobState.Cancelled, LeaseExpiresAt = null, FinishedAt = clock.GetUtcNow(), PlayableAt = null };
        await Save(cancelled);
        await Queue.Finished(Id);
        await WithdrawEarly(job);
        await Announce(cancelled);
        return Result<MediaJob>.Ok(cancelled);
    }

    public async Task<Result<MediaJob>> Requeue()
    {
        if (state.State.Job is not { } job)
            return Result<MediaJob>.NotFound($"转码任务 {Id} 不存在。");
        if (job.State is not (MediaJobState.Failed or MediaJobState.Cancelled))
            return Result<MediaJob>.WrongState(job.State.ToString(), "只有失败或已取消的任务可以重新排队。");
        var queued = Next(job) with { State = MediaJobState.Queued, Attempts = 0, WorkerId = null, Progress = null, FinishedAt = null };
        // A requeued replacement stays one: the admin confirmed it for this recording.
        await Save(queued);
        await Queue.Enqueue(Id);
        await Announce(queued);
        return Result<MediaJob>.Ok(queued);
    }

    private async Task<MediaJob> Failed(MediaJob job, ImmutableArray<JobFailureReason> reasons, ImmutableArray<string> tail, bool retryable)
    {
        var again = retryable && job.Attempts < job.MaxAttempts;
        var next = Next(job) with
        {
            State = again ? MediaJobState.Queued : MediaJobState.Failed,
            WorkerId = null,
            LeaseExpiresAt = null,
            FailureCode = string.Join(",", reasons.Select(r => r.Code)),
            FailureMessage = string.Join(" ", reasons.Select(r => r.Message)),
            FailureReasons = reasons,
            StderrTail = tail.IsDefault ? NoTail : tail,
            FinishedAt = again ? null : clock.GetUtcNow(),
            PlayableAt = again ? job.PlayableAt : null,
        };
        await Save(next);
        if (again)
        {
            await Queue.Enqueue(Id);
        }
        else
        {
            await Queue.Finished(Id);
            await WithdrawEarly(job);
        }
        await Announce(next);
        return next;
    }

    private static string ChineseName(MediaJobState state) => state switch
    {
        MediaJobState.Queued => "在排队",
        MediaJobState.Leased => "分配给转码节点",
        MediaJobState.Running => "在转码",
        MediaJobState.Succeeded => "完成",
        MediaJobState.Failed => "失败",
        MediaJobState.Cancelled => "取消",
        _ => state.ToString(),
    };

    private Result<MediaJob>? Holding(string workerId) => state.State.Job switch
    {
        null => Result<MediaJob>.NotFound($"转码任务 {Id} 不存在。"),
        { State: MediaJobState.Leased or MediaJobState.Running } job when job.WorkerId == workerId => null,
        var job => Result<MediaJob>.WrongState(job.State.ToString(), "这个转码节点不再持有该任务（已取消、超时或由其他节点处理）。"),
    };

    /// <summary>
    /// Publishes the replay while the job still runs. Best effort: a failure must not cost the worker its lease, and the
    /// next progress report (still saying "playable") tries again.
    /// </summary>
    private async Task<bool> TryPublishEarly(MediaJob job)
    {
        try
        {
            await grains.GetGrain<IRecordingPublisher>(0).Publish(new Recording(job.ProgrammeId, Id, job.Kind, EarlyMaster, null, null, null, 0, [],
                clock.GetUtcNow(), Processing: true), job.Replace);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            GrainsLog.EarlyReplayFailed(logger, Id, ex);
            return false;
        }
    }

    /// <summary>A replay published early cannot stay once its job has ended without a recording.</summary>
    private Task WithdrawEarly(MediaJob job) =>
        job.PlayableAt is null ? Task.CompletedTask : grains.GetGrain<IRecordingPublisher>(0).Withdraw(job.ProgrammeId, Id);

    private MediaJob Next(MediaJob job) => job with { Version = job.Version + 1, UpdatedAt = clock.GetUtcNow() };

    private async Task Save(MediaJob job)
    {
        state.State.Job = job;
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

    private async Task Announce(MediaJob job)
    {
        var position = job.State == MediaJobState.Queued ? await Queue.PositionOf(Id) : null;
        await grains.GetGrain<ILivePublisherGrain>(0).Publish(new MediaJobChanged(job, position));
    }
}

using Microsoft.Extensions.Logging;
using Realtime.Contracts.Common;
using Realtime.Contracts.Districts;
using Realtime.Contracts.Media;
using Realtime.Contracts.Programmes;
using Realtime.Grains.Common;

namespace Realtime.Grains.Programmes;

/// <summary>
/// One broadcast. Each change is stored together with "effects not yet delivered" (<see cref="ProgrammeGrainState.Delivered"/>
/// below <see cref="ProgrammeGrainState.Revision"/>), then <see cref="ProgrammeEffects"/> brings the lists, the desk and
/// the archive in line; a failure is retried by a timer, a crash by the outbox reminder.
/// </summary>
public sealed class ProgrammeGrain(
    [PersistentState("programme", StorageNames.Default)] IPersistentState<ProgrammeGrainState> state,
    IGrainFactory grains,
    TimeProvider clock,
    ILogger<ProgrammeGrain> logger) : Grain, IProgrammeGrain, IRemindable
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);
    private readonly ProgrammeEffects _effects = new(grains);
    private OutboxReminder? _reminder;
    private IGrainTimer? _retry;

    private string Id => this.GetPrimaryKeyString();
    private OutboxReminder Reminder => _reminder ??= new OutboxReminder(this);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Delivered < state.State.Revision)
            RetryLater();
        return Task.CompletedTask;
    }

    public async Task<Result<ProgrammeDetails>> Schedule(ScheduleProgramme command)
    {
        if (state.State.Details is { } existing)
        {
            return IsSameSchedule(existing, command)
                ? Result<ProgrammeDetails>.Ok(existing)
                : Result<ProgrammeDetails>.WrongState(existing.State.ToString(), $"节目 {Id} 已存在。");
        }
        if (ProgrammeValidator.Validate(command) is { } error)
            return Result<ProgrammeDetails>.Invalid(error.Field, error.Message);

        var districts = await Task.WhenAll(command.Districts.Select(code => grains.GetGrain<IDistrictGrain>(code).Get()));
        for (var i = 0; i < districts.Length; i++)
        {
            if (districts[i] is null)
                return Result<ProgrammeDetails>.Invalid($"districts[{i}]", $"未知的区县代码：{command.Districts[i]}。");
        }

        var details = new ProgrammeDetails(
            Id, command.Series, SeriesCatalog.KindOf(command.Series), command.Title.Trim(),
            command.ScheduledStart, command.ScheduledEnd,
            command.Guests.IsDefault ? [] : command.Guests, command.Districts,
            ProgrammeState.Scheduled, StartedAt: null, EndedAt: null, ArchivedAt: null, Version: 1);
        await Save(() => state.State.Details = details);
        return Result<ProgrammeDetails>.Ok(details);
    }

    public Task<ProgrammeDetails?> Get() => Task.FromResult(state.State.Details);

    public Task<Result<ProgrammeDetails>> GoLive() =>
        Move(ProgrammeState.Live, (d, now) => d with { StartedAt = now });

    public Task<Result<ProgrammeDetails>> End() =>
        Move(ProgrammeState.Ended, (d, now) => d with { EndedAt = now });

    public Task<Result<ProgrammeDetails>> Archive() =>
        Move(ProgrammeState.Archived, (d, now) => d with { ArchivedAt = now });

    public async Task<PublishOutcome> PublishRecording(Recording recording, bool replace)
    {
        if (state.State.Details is not { } details)
            return new PublishOutcome(false, null);
        var previous = state.State.Recording;
        if (recording.Processing && previous is { Processing: false })
            return new PublishOutcome(true, null); // an early replay never replaces a finished one
        var replaces = !recording.Processing && previous is { Processing: false } && previous.JobId != recording.JobId ? previous.JobId : null;
        if (replaces is not null && !replace)
            return new PublishOutcome(false, null);
        var archive = !recording.Processing && details.State == ProgrammeState.Ended;
        await Save(() =>
        {
            state.State.Recording = recording;
            state.State.EverPublished = true;
            if (archive)
                state.State.Details = details with { State = ProgrammeState.Archived, ArchivedAt = clock.GetUtcNow(), Version = details.Version + 1 };
        });
        return new PublishOutcome(true, replaces);
    }

    public async Task WithdrawRecording(string jobId)
    {
        if (state.State.Recording is { Processing: true } recording && recording.JobId == jobId)
            await Save(() => state.State.Recording = null);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Reminder.Fired();
        return Deliver();
    }

    private async Task<Result<ProgrammeDetails>> Move(
        ProgrammeState target, Func<ProgrammeDetails, DateTimeOffset, ProgrammeDetails> stamp)
    {
        if (state.State.Details is not { } current)
            return Result<ProgrammeDetails>.NotFound($"节目 {Id} 不存在。");
        if (!ProgrammeLifecycle.CanMove(current.State, target))
            return Result<ProgrammeDetails>.WrongState(current.State.ToString(), ProgrammeLifecycle.Refusal(current.State, target));

        var next = stamp(current, clock.GetUtcNow()) with { State = target, Version = current.Version + 1 };
        await Save(() => state.State.Details = next);
        return Result<ProgrammeDetails>.Ok(next);
    }

    /// <summary>Stores a change with its effects pending (the reminder first, so a crash right after is resumed), then delivers.</summary>
    private async Task Save(Action change)
    {
        await Reminder.Ensure();
        change();
        state.State.Revision++;
        await state.WriteStateAsync();
        await Deliver();
    }

    /// <summary>Applies the current state's effects; once they hold, records it and drops the reminder, else tries again later.</summary>
    private async Task Deliver()
    {
        var revision = state.State.Revision;
        if (state.State.Details is null || state.State.Delivered >= revision)
        {
            await Reminder.Clear(() => state.State.Delivered >= state.State.Revision);
            return;
        }
        try
        {
            await _effects.Apply(state.State);
            state.State.Delivered = revision;
            await state.WriteStateAsync();
            _retry?.Dispose();
            _retry = null;
            await Reminder.Clear(() => state.State.Delivered >= state.State.Revision);
        }
        catch (Exception ex)
        {
            GrainsLog.ProgrammeEffectsFailed(logger, Id, ex);
            RetryLater();
        }
    }

    private void RetryLater() => _retry ??= this.RegisterGrainTimer(_ => Deliver(), RetryInterval, RetryInterval);

    private static bool IsSameSchedule(ProgrammeDetails d, ScheduleProgramme c) =>
        d.Series == c.Series && d.Title == c.Title.Trim() && d.ScheduledStart == c.ScheduledStart
        && d.ScheduledEnd == c.ScheduledEnd && d.Districts.SequenceEqual(c.Districts)
        && d.Guests.SequenceEqual(c.Guests.IsDefault ? [] : c.Guests);
}

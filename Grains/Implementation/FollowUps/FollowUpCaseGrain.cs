using Microsoft.Extensions.Logging;
using Realtime.Contracts.Common;
using Realtime.Contracts.FollowUps;
using Realtime.Contracts.Questions;
using Realtime.Grains.Common;

namespace Realtime.Grains.FollowUps;

/// <summary>
/// One written follow-up. A reminder at the deadline flags it overdue if nobody answered. Every change is stored with
/// "not yet delivered" and then told to the programme's desk (the asker sees it live; the desk counts it in the reports)
/// and to the department's list; the outbox reminder resumes a delivery that a crash interrupted.
/// </summary>
public sealed class FollowUpCaseGrain(
    [PersistentState("case", StorageNames.Default)] IPersistentState<FollowUpCaseState> state,
    IGrainFactory grains,
    TimeProvider clock,
    ILogger<FollowUpCaseGrain> logger) : Grain, IFollowUpCaseGrain, IRemindable
{
    private const string DeadlineReminder = "deadline";
    public const int MaxAnswerLength = 2000;
    private OutboxReminder? _outbox;

    private OutboxReminder Outbox => _outbox ??= new OutboxReminder(this);

    public async Task Open(FollowUpCase followUp)
    {
        // Called by the desk until it returns: every step is idempotent, so a repeat finishes what a crash cut short.
        if (state.State.Case is null)
        {
            state.State.Case = followUp;
            await state.WriteStateAsync();
            await SetDeadline(followUp);
        }
        else if (state.State.Case.IsOpen && !state.State.Case.Info.Overdue && await this.GetReminder(DeadlineReminder) is null)
        {
            await SetDeadline(state.State.Case);
        }
        await Deliver();
    }

    public Task<FollowUpCase?> Get() => Task.FromResult(state.State.Case);

    public async Task<Result<FollowUpCase>> Answer(string department, string answeredBy, string text)
    {
        if (state.State.Case is not { } current)
            return Result<FollowUpCase>.NotFound($"转办件 {this.GetPrimaryKeyString()} 不存在。");
        if (current.Info.Department != department)
            return Result<FollowUpCase>.Forbidden("这件转办件不属于您的部门。");
        if (!current.IsOpen)
            return Result<FollowUpCase>.WrongState("Answered", "这件转办件已经答复，不能再次答复。");
        if (TextRules.Check(text, "书面答复", MaxAnswerLength, allowLineBreaks: true) is { } error)
            return Result<FollowUpCase>.Invalid("text", error);

        var answered = current with { Info = current.Info with { Answer = text.Trim(), AnsweredBy = answeredBy, AnsweredAt = clock.GetUtcNow() } };
        await Save(answered);
        if (await this.GetReminder(DeadlineReminder) is { } reminder)
            await this.UnregisterReminder(reminder);
        return Result<FollowUpCase>.Ok(state.State.Case!);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == OutboxReminder.Name)
        {
            Outbox.Fired();
            await TryDeliver();
            await Outbox.Clear(() => state.State.Delivered >= (state.State.Case?.Version ?? 0));
            return;
        }
        if (state.State.Case is { IsOpen: true, Info.Overdue: false } current && clock.GetUtcNow() >= current.Info.Deadline)
            await Save(current with { Info = current.Info with { Overdue = true } });
        if (state.State.Case is { } now && (!now.IsOpen || now.Info.Overdue) && await this.GetReminder(reminderName) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    /// <summary>Stores the change as not yet delivered (with the reminder that resumes it), then delivers it.</summary>
    private async Task Save(FollowUpCase next)
    {
        await Outbox.Ensure();
        state.State.Case = next with { Version = next.Version + 1 };
        await state.WriteStateAsync();
        await TryDeliver();
        await Outbox.Clear(() => state.State.Delivered >= (state.State.Case?.Version ?? 0));
    }

    /// <summary>A change that is stored stands; a failed delivery is left to the outbox reminder.</summary>
    private async Task TryDeliver()
    {
        try
        {
            await Deliver();
        }
        catch (Exception ex)
        {
            GrainsLog.CaseNotifyFailed(logger, this.GetPrimaryKeyString(), ex);
        }
    }

    /// <summary>Tells the desk (changes after opening: it created the case) and the department's list, then records it.</summary>
    private async Task Deliver()
    {
        if (state.State.Case is not { } current || state.State.Delivered >= current.Version)
            return;
        var index = grains.GetGrain<IDepartmentGrain>(current.Info.Department).Track(current);
        if (current.Version > 1)
        {
            var told = await grains.GetGrain<IQuestionDeskGrain>(current.ProgrammeId).UpdateFollowUp(current.QuestionId, current.Info);
            if (told.Error == ErrorKind.Unavailable)
                throw new InvalidOperationException($"The desk of {current.ProgrammeId} could not store the follow-up yet.");
        }
        await index;
        state.State.Delivered = current.Version;
        await state.WriteStateAsync();
    }

    private async Task SetDeadline(FollowUpCase followUp)
    {
        var due = followUp.Info.Deadline - clock.GetUtcNow();
        await this.RegisterOrUpdateReminder(DeadlineReminder, due < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : due, TimeSpan.FromHours(1));
    }
}

using Microsoft.Extensions.Logging;
using Realtime.Contracts.Common;
using Realtime.Contracts.FollowUps;
using Realtime.Contracts.Questions;
using Realtime.Contracts.Reports;
using Realtime.Grains.Common;

namespace Realtime.Grains.FollowUps;

/// <summary>
/// One written follow-up. A reminder at the deadline flags it overdue if nobody answered; every change is told to the
/// programme's desk (so the asker sees it live), the department's list and the report counters.
/// </summary>
public sealed class FollowUpCaseGrain(
    [PersistentState("case", StorageNames.Default)] IPersistentState<FollowUpCaseState> state,
    IGrainFactory grains,
    TimeProvider clock,
    ILogger<FollowUpCaseGrain> logger) : Grain, IFollowUpCaseGrain, IRemindable
{
    private const string DeadlineReminder = "deadline";
    public const int MaxAnswerLength = 2000;

    public async Task Open(FollowUpCase followUp)
    {
        if (state.State.Case is not null)
            return;
        state.State.Case = followUp;
        await state.WriteStateAsync();
        var due = followUp.Info.Deadline - clock.GetUtcNow();
        await this.RegisterOrUpdateReminder(DeadlineReminder, due < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : due, TimeSpan.FromHours(1));
        await grains.GetGrain<IDepartmentGrain>(followUp.Info.Department).Track(followUp);
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
        await Save(answered, StatsCounters.Zero with { FollowUpAnswered = 1 });
        if (await this.GetReminder(DeadlineReminder) is { } reminder)
            await this.UnregisterReminder(reminder);
        return Result<FollowUpCase>.Ok(answered);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Case is { IsOpen: true, Info.Overdue: false } current && clock.GetUtcNow() >= current.Info.Deadline)
            await Save(current with { Info = current.Info with { Overdue = true } }, StatsCounters.Zero with { Overdue = 1 });
        if (state.State.Case is { } now && (!now.IsOpen || now.Info.Overdue) && await this.GetReminder(reminderName) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    private async Task Save(FollowUpCase next, StatsCounters delta)
    {
        state.State.Case = next;
        await state.WriteStateAsync();
        try
        {
            var month = StatsKeys.Month(clock.GetUtcNow());
            await Task.WhenAll(
                grains.GetGrain<IQuestionDeskGrain>(next.ProgrammeId).UpdateFollowUp(next.QuestionId, next.Info),
                grains.GetGrain<IDepartmentGrain>(next.Info.Department).Track(next),
                grains.GetGrain<IStatsGrain>(StatsKeys.Department(next.Info.Department, month)).Add(delta),
                grains.GetGrain<IStatsGrain>(StatsKeys.District(next.DistrictCode ?? "unknown", month)).Add(delta),
                grains.GetGrain<IStatsGrain>(StatsKeys.Programme(next.ProgrammeId)).Add(delta));
        }
        catch (Exception ex)
        {
            GrainsLog.CaseNotifyFailed(logger, next.CaseId, ex);
        }
    }
}

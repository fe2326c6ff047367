using Orleans.Concurrency;
using System.Collections.Immutable;
using Realtime.Contracts.Common;
using Realtime.Contracts.Programmes;

namespace Realtime.Contracts.Questions;

/// <summary>
/// The question desk of one programme (same key as its <see cref="IProgrammeGrain"/>). A command is answered only
/// after its effect is persisted; every change is then pushed to the LiveApi hosts.
/// </summary>
[Alias("Realtime.IQuestionDeskGrain")]
public interface IQuestionDeskGrain : IGrainWithStringKey
{
    [Alias("Submit")]
    Task<Result<SubmitOutcome>> Submit(Actor asker, SubmitQuestion command);

    [Alias("Vote")]
    Task<Result<PublicQuestion>> Vote(Actor voter, long questionId);

    [Alias("Withdraw")]
    Task<Result<PublicQuestion>> Withdraw(Actor asker, long questionId);

    /// <summary>A viewer rates an answered question (on air or in writing) from 1 to 5, once.</summary>
    [Alias("Rate")]
    Task<Result<PublicQuestion>> Rate(Actor viewer, long questionId, int score, string? comment);

    /// <summary>The follow-up case was answered in writing or went overdue.</summary>
    [Alias("UpdateFollowUp")]
    Task<Result<PublicQuestion>> UpdateFollowUp(long questionId, FollowUps.FollowUpInfo info);

    /// <summary>A screener's or host's action; answers with the desk status after it.</summary>
    [Alias("Moderate")]
    Task<Result<DeskStatus>> Moderate(Actor actor, ModerationCommand command);

    [Alias("GetViewerSnapshot")]
    Task<Result<ViewerSnapshot>> GetViewerSnapshot(string? viewerId);

    [Alias("GetModeratorSnapshot")]
    Task<Result<ModeratorSnapshot>> GetModeratorSnapshot();

    /// <summary>The moderation log, newest first, below a sequence number (for paging).</summary>
    [Alias("GetLog")]
    Task<Result<ImmutableArray<ModerationLogEntry>>> GetLog(long? beforeSequence, int take);

    /// <summary>This programme's follow-up cases (public view, no asker identity), by question number, after a position.</summary>
    [Alias("GetFollowUps")]
    Task<Result<Page<FollowUps.FollowUpCase>>> GetFollowUps(PagePosition? after, int take);

    /// <summary>
    /// The public view of a question that became a follow-up case (cases are public): its written answer and the asker's
    /// rating, for the case's own page. NotFound for any other question.
    /// </summary>
    [Alias("GetFollowUpQuestion")]
    Task<Result<PublicQuestion>> GetFollowUpQuestion(long questionId);

    [Alias("GetTimeline")]
    Task<Result<ImmutableArray<TimelineEntry>>> GetTimeline();

    /// <summary>A LiveApi host reports how many viewers it has on this programme.</summary>
    [OneWay, Alias("ReportViewers")]
    Task ReportViewers(string hostId, int viewers);

    /// <summary>
    /// Called by the programme grain on every change of the programme; completes once what the change implies (an ended
    /// programme's unanswered questions become follow-up cases) is stored.
    /// </summary>
    [Alias("ProgrammeChanged")]
    Task ProgrammeChanged(ProgrammeDetails programme);
}

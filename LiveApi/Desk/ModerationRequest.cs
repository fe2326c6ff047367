using Realtime.Contracts.Questions;

namespace Realtime.LiveApi.Desk;

/// <summary>
/// A moderation command in the flat form REST and gRPC clients send: "type" plus the fields that type needs.
/// Types: approve, reject, edit, merge, note, enter-call, ban, reorder, next, on-air, answered, follow-up, pause,
/// resume, slow-mode (the same names the moderation log uses).
/// </summary>
public sealed record ModerationRequest(
    string? Type,
    long? QuestionId = null,
    string? Reason = null,
    string? Text = null,
    long? IntoQuestionId = null,
    string? Note = null,
    long? AfterQuestionId = null,
    int? Seconds = null,
    string? RequestId = null,
    QuestionSource? Source = null,
    string? CallerName = null,
    string? CallerLocation = null,
    string? CommunityCode = null,
    string? Topic = null,
    string? Department = null)
{
    public static readonly string[] Types =
        ["approve", "reject", "edit", "merge", "note", "enter-call", "ban", "reorder", "next", "on-air", "answered", "follow-up", "pause", "resume", "slow-mode"];

    /// <summary>The command, or the name of the first missing field.</summary>
    public (ModerationCommand? Command, string? MissingField) ToCommand()
    {
        long Q() => QuestionId!.Value;
        string? need = Type switch
        {
            null => "type",
            "approve" or "ban" or "on-air" or "answered" or "follow-up" or "reorder" when QuestionId is null => "questionId",
            "reject" when QuestionId is null => "questionId",
            "reject" when string.IsNullOrWhiteSpace(Reason) => "reason",
            "edit" when QuestionId is null => "questionId",
            "edit" when Text is null => "text",
            "merge" when QuestionId is null => "questionId",
            "merge" when IntoQuestionId is null => "intoQuestionId",
            "note" when QuestionId is null => "questionId",
            "note" when Note is null => "note",
            "slow-mode" when Seconds is null => "seconds",
            "enter-call" when RequestId is null => "requestId",
            "enter-call" when Source is null => "source",
            "enter-call" when CallerName is null => "callerName",
            "enter-call" when Text is null => "text",
            _ => null,
        };
        if (need is not null)
            return (null, need);
        ModerationCommand? command = Type switch
        {
            "approve" => new Approve(Q()),
            "reject" => new Reject(Q(), Reason!),
            "edit" => new Edit(Q(), Text!),
            "merge" => new Merge(Q(), IntoQuestionId!.Value),
            "note" => new AddNote(Q(), Note!),
            "enter-call" => new EnterCall(RequestId!, Source!.Value, CallerName!, CallerLocation, Text!, CommunityCode, Topic, Department),
            "ban" => new BanAsker(Q()),
            "reorder" => new Reorder(Q(), AfterQuestionId),
            "next" => new MarkNext(QuestionId),
            "on-air" => new PutOnAir(Q()),
            "answered" => new MarkAnswered(Q()),
            "follow-up" => new SendToFollowUp(Q()),
            "pause" => new SetPaused(true),
            "resume" => new SetPaused(false),
            "slow-mode" => new SetSlowMode(Seconds!.Value),
            _ => null,
        };
        return command is null ? (null, "type") : (command, null);
    }
}

using Realtime.Contracts.Common;
using Realtime.Contracts.Districts;
using Realtime.Contracts.Programmes;
using Realtime.Contracts.Questions;
using Realtime.Grains.Common;

namespace Realtime.Grains.Questions;

public sealed partial class QuestionBook
{
    /// <summary>Applies a screener's or host's command; every accepted command is written to the moderation log.</summary>
    public Result<DeskStatus> Moderate(Actor actor, ModerationCommand command, CommunityInfo? callerCommunity = null)
    {
        if (actor.Role < command.RequiredRole)
        {
            return Result<DeskStatus>.Forbidden(command.RequiredRole == DeskRole.Host
                ? "只有主持人可以执行此操作。" : "只有导播或主持人可以执行此操作。");
        }
        if (ProgrammeState == ProgrammeState.Archived)
            return Result<DeskStatus>.WrongState("Archived", "节目已归档，不能再处理问题。");

        var outcome = command switch
        {
            Approve c => Move(c.QuestionId, "通过", [QuestionStatus.Pending], q => ProgrammeState == ProgrammeState.Ended
                ? ToFollowUp(q)
                : q with { Status = QuestionStatus.Approved, Rank = ++_maxRank }),
            Reject c => TextRules.Check(c.Reason, "拒绝理由", rules.MaxRejectReasonLength) is { } error
                ? Invalid("reason", error)
                : Move(c.QuestionId, "拒绝", [QuestionStatus.Pending, QuestionStatus.Approved], q => q with { Status = QuestionStatus.Rejected, RejectReason = c.Reason.Trim(), PublicRejectReason = PublicReason(c.Reason.Trim()) }),
            Edit c => TextRules.Check(c.Text, "问题内容", rules.MaxTextLength, allowLineBreaks: true) is { } error
                ? Invalid("text", error)
                : Move(c.QuestionId, "编辑", [QuestionStatus.Pending, QuestionStatus.Approved, QuestionStatus.OnAir],
                    q => q with { Text = c.Text.Trim(), OriginalText = q.OriginalText ?? q.Text }, describe: q => q.Text),
            AddNote c => c.Note.Length > rules.MaxNoteLength || TextRules.HasControlCharacters(c.Note) || BidiControls.Contains(c.Note)
                ? Invalid("note", $"给主持人的备注最多 {rules.MaxNoteLength} 个字符，且不能含控制字符。")
                : Move(c.QuestionId, "添加备注", [QuestionStatus.Pending, QuestionStatus.Approved, QuestionStatus.OnAir],
                    q => q with { ScreenerNote = string.IsNullOrWhiteSpace(c.Note) ? null : c.Note.Trim() }, describe: q => q.ScreenerNote),
            Merge c => MergeInto(c),
            EnterCall c => EnterCall(c, callerCommunity),
            BanAsker c => Ban(c.QuestionId),
            Reorder c => ReorderAfter(c),
            MarkNext c => SetNext(c.QuestionId),
            PutOnAir c => GoOnAir(c.QuestionId),
            MarkAnswered c => Move(c.QuestionId, "标记为已解答", [QuestionStatus.OnAir],
                q => q with { Status = QuestionStatus.Answered, AnsweredAt = clock.GetUtcNow() }),
            SendToFollowUp c => Move(c.QuestionId, "转办", [QuestionStatus.Pending, QuestionStatus.Approved, QuestionStatus.OnAir],
                q => ToFollowUp(q) with { AnsweredAt = q.OnAirAt is null ? null : clock.GetUtcNow() }),
            SetPaused c => ChangeSettings(_settings with { Paused = c.Paused }, $"paused={_settings.Paused}", $"paused={c.Paused}"),
            SetSlowMode c => c.Seconds is < 0 or > 3600
                ? Invalid("seconds", "慢速模式的间隔应在 0–3600 秒之间。")
                : ChangeSettings(_settings with { SlowModeSeconds = c.Seconds }, $"slow={_settings.SlowModeSeconds}s", $"slow={c.Seconds}s"),
            _ => Invalid("type", "未知的操作。"),
        };
        if (!outcome.Verdict.IsOk)
            return outcome.Verdict.As<DeskStatus>();

        // Whatever leaves the approved queue cannot stay marked "next" nor "on air".
        foreach (var change in _changes.Questions.Values.Select(c => c.Question))
        {
            if (_settings.NextId == change.Id && change.Status != QuestionStatus.Approved)
                _settings = _settings with { NextId = null };
            if (_settings.OnAirId == change.Id && change.Status != QuestionStatus.OnAir)
                _settings = _settings with { OnAirId = null };
        }
        Log(actor, command.Action, outcome.QuestionId, outcome.Before, outcome.After);
        return Result<DeskStatus>.Ok(Status);
    }

    private readonly record struct Outcome(Result<Question?> Verdict, long? QuestionId, string? Before, string? After);

    private static Outcome Invalid(string field, string message) => new(Result<Question?>.Invalid(field, message), null, null, null);

    private Outcome Move(long id, string action, QuestionStatus[] from, Func<Question, Question> change, Func<Question, string?>? describe = null)
    {
        if (!_questions.TryGetValue(id, out var question))
            return new(Result<Question?>.NotFound($"问题 #{id} 不存在。"), id, null, null);
        if (!from.Contains(question.Status))
            return new(Refuse<Question?>(question, action), id, null, null);
        var after = Put(question, change(question));
        describe ??= q => q.Status.ToString();
        return new(Result<Question?>.Ok(after), id, describe(question), describe(after));
    }

    /// <summary>A configured reason is shown as it is; free text (which may name people) stays with staff as "其他".</summary>
    private string PublicReason(string reason) => rules.RejectReasons.Contains(reason) ? reason : RejectReasons.Other;

    private Outcome MergeInto(Merge command)
    {
        if (command.QuestionId == command.IntoQuestionId)
            return Invalid("intoQuestionId", "不能把问题合并到它自己。");
        if (!_questions.TryGetValue(command.IntoQuestionId, out var target))
            return new(Result<Question?>.NotFound($"问题 #{command.IntoQuestionId} 不存在。"), command.IntoQuestionId, null, null);
        if (target.Status is not (QuestionStatus.Pending or QuestionStatus.Approved or QuestionStatus.OnAir))
            return new(Refuse<Question?>(target, "接收合并"), target.Id, null, null);

        var outcome = Move(command.QuestionId, "合并", [QuestionStatus.Pending, QuestionStatus.Approved],
            q => q with { Status = QuestionStatus.Merged, MergedInto = target.Id });
        if (!outcome.Verdict.IsOk)
            return outcome;

        // Votes add up: the merged question's voters and its asker now count for the target.
        var source = outcome.Verdict.Value!;
        var voters = VotersOf(target.Id);
        foreach (var voter in VotersOf(source.Id).Append(source.AskerId))
        {
            if (voter != target.AskerId && voters.Add(voter))
                _changes.Votes.Add((target.Id, voter));
        }
        Put(target, target with { Votes = voters.Count });
        return outcome with { After = $"Merged→#{target.Id}" };
    }

    private Outcome EnterCall(EnterCall command, CommunityInfo? community)
    {
        if (ValidateCommon(command.RequestId, command.Text, command.Topic, command.Department) is { } invalid)
            return new(invalid.As<Question?>(), null, null, null);
        if (command.Source == QuestionSource.Web || !Enum.IsDefined(command.Source))
            return Invalid("source", "来电问题的来源应为电话、短信或电子邮件。");
        if (TextRules.Check(command.CallerName, "来电人姓名", rules.MaxDisplayNameLength) is { } nameError)
            return Invalid("callerName", nameError);
        if (command.CallerLocation is { Length: > 0 } location && TextRules.Check(location, "来电人所在地", rules.MaxCallerLocationLength) is { } locationError)
            return Invalid("callerLocation", locationError);
        var askerId = "call:" + command.RequestId;
        if (_requests.TryGetValue(RequestKey(askerId, command.RequestId), out var existing))
            return new(Result<Question?>.Ok(_questions[existing]), existing, null, null);

        // A screener has already screened the caller: the question joins the host's queue directly.
        var question = Create(askerId, command.RequestId, command.CallerName.Trim(), command.Text, community, command.Topic,
            command.Department, command.Source, QuestionStatus.Approved, NullIfEmpty(command.CallerLocation));
        return new(Result<Question?>.Ok(question), question.Id, null, $"{command.Source}: {question.Text}");
    }

    private Outcome Ban(long id)
    {
        if (!_questions.TryGetValue(id, out var question))
            return new(Result<Question?>.NotFound($"问题 #{id} 不存在。"), id, null, null);
        if (!question.AskerId.StartsWith("viewer:", StringComparison.Ordinal))
            return Invalid("questionId", "只能禁止网上观众，来电和工作人员不能被禁止。");
        if (_banned.Add(question.AskerId))
            _changes.Banned.Add(question.AskerId);
        foreach (var pending in _questions.Values.Where(q => q.AskerId == question.AskerId && q.Status == QuestionStatus.Pending).ToList())
            Put(pending, pending with { Status = QuestionStatus.Rejected, RejectReason = RejectReasons.Banned, PublicRejectReason = RejectReasons.Banned });
        return new(Result<Question?>.Ok(question), id, null, "banned " + question.AskerId);
    }

    private Outcome ReorderAfter(Reorder command)
    {
        if (command.AfterQuestionId == command.QuestionId)
            return Invalid("afterQuestionId", "不能排在自己之后。");
        var approved = _questions.Values.Where(q => q.Status == QuestionStatus.Approved && q.Id != command.QuestionId)
            .OrderBy(q => q.Rank).ToList();
        double rank;
        if (command.AfterQuestionId is { } afterId)
        {
            var index = approved.FindIndex(q => q.Id == afterId);
            if (index < 0)
                return Invalid("afterQuestionId", $"问题 #{afterId} 不在待播队列中。");
            rank = index + 1 < approved.Count ? (approved[index].Rank + approved[index + 1].Rank) / 2 : approved[index].Rank + 1;
        }
        else
        {
            rank = approved.Count > 0 ? approved[0].Rank - 1 : 1;
        }
        _maxRank = Math.Max(_maxRank, rank);
        return Move(command.QuestionId, "调整顺序", [QuestionStatus.Approved], q => q with { Rank = rank }, q => q.Rank.ToString("0.###"));
    }

    private Outcome SetNext(long? id)
    {
        if (id is { } questionId && (!_questions.TryGetValue(questionId, out var q) || q.Status != QuestionStatus.Approved))
        {
            return q is null
                ? new(Result<Question?>.NotFound($"问题 #{questionId} 不存在。"), questionId, null, null)
                : new(Refuse<Question?>(q, "标记为下一个（只有已通过的问题可以）"), questionId, null, null);
        }
        return ChangeSettings(_settings with { NextId = id }, $"next={_settings.NextId}", $"next={id}") with { QuestionId = id };
    }

    private Outcome GoOnAir(long id)
    {
        if (ProgrammeState != ProgrammeState.Live)
            return new(Result<Question?>.WrongState(ProgrammeState.ToString(), "节目不在直播中，不能上播问题。"), id, null, null);
        if (_settings.OnAirId is { } current && current != id)
            return new(Result<Question?>.WrongState("OnAir", $"问题 #{current} 正在解答，请先标记已解答或转办。"), id, null, null);
        var outcome = Move(id, "上播", [QuestionStatus.Approved], q => q with { Status = QuestionStatus.OnAir, OnAirAt = clock.GetUtcNow() });
        if (outcome.Verdict.IsOk)
            _settings = _settings with { OnAirId = id };
        return outcome;
    }

    private Outcome ChangeSettings(DeskSettings next, string before, string after)
    {
        _settings = next;
        _changes.SettingsChanged = true;
        return new(Result<Question?>.Ok(null), null, before, after);
    }

    private void Log(Actor actor, string action, long? questionId, string? before, string? after)
    {
        var entry = new ModerationLogEntry(_settings.NextLogSequence, clock.GetUtcNow(), actor.Id, actor.Name, action, questionId, before, after);
        _settings = _settings with { NextLogSequence = entry.Sequence + 1 };
        _changes.Log.Add(entry);
        Remember(entry);
    }

    private void Remember(ModerationLogEntry entry)
    {
        _recentLog.Enqueue(entry);
        while (_recentLog.Count > 100)
            _recentLog.Dequeue();
    }
}

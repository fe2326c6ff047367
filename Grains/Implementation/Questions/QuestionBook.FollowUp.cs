using System.Collections.Immutable;
using Realtime.Contracts.Common;
using Realtime.Contracts.FollowUps;
using Realtime.Contracts.Programmes;
using Realtime.Contracts.Questions;
using Realtime.Contracts.Reports;
using Realtime.Grains.Common;

namespace Realtime.Grains.Questions;

/// <summary>Follow-up (转办), public evaluation (网上评议) and the report counters each change feeds.</summary>
public sealed partial class QuestionBook
{
    private readonly Dictionary<long, HashSet<string>> _raters = [];

    /// <summary>The asker rates the answer to their question (on air or written) from 1 to 5, once.</summary>
    public Result<PublicQuestion> Rate(Actor viewer, long questionId, int score, string? comment)
    {
        if (!_questions.TryGetValue(questionId, out var question) || !question.IsVisibleTo(viewer.Id))
            return Result<PublicQuestion>.NotFound($"问题 #{questionId} 不存在。");
        // 网上评议 as 民心网 practises it: the one who asked judges the answer, so nobody else can stuff the figures.
        if (question.AskerId != viewer.Id)
            return Result<PublicQuestion>.Forbidden("只有提问人可以评价这个问题的答复。");
        if (score is < 1 or > 5)
            return Result<PublicQuestion>.Invalid("score", "评分应为 1 到 5 分。");
        if (comment is { Length: > 0 } && TextRules.Check(comment, "评价", rules.MaxCommentLength, allowLineBreaks: true) is { } error)
            return Result<PublicQuestion>.Invalid("comment", error);
        if (!question.IsAnswered)
            return Refuse<PublicQuestion>(question, "评价（只能评价已解答的问题）");
        if (!RatersOf(questionId).Add(viewer.Id))
            return Result<PublicQuestion>.WrongState("Rated", "您已经评价过这个问题的答复。");
        var comment_ = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        _changes.Ratings.Add((questionId, viewer.Id, score, comment_));
        // The rating row carries its own counters: the row and the count it implies are stored together.
        Tally(new EffectRow(questionId, viewer.Id), question, question.Department ?? "none", StatsCounters.Zero with { Ratings = 1, RatingSum = score });
        var rated = Put(question, question with { Ratings = question.Ratings + 1, RatingSum = question.RatingSum + score });
        return Result<PublicQuestion>.Ok(rated.ToPublic());
    }

    /// <summary>The case grain reports an answer or the deadline passing; the asker sees it on their question.</summary>
    public Result<PublicQuestion> UpdateFollowUp(long questionId, FollowUpInfo info)
    {
        if (!_questions.TryGetValue(questionId, out var question) || question.FollowUp?.CaseId != info.CaseId)
            return Result<PublicQuestion>.NotFound($"问题 #{questionId} 没有转办记录。");
        if (question.FollowUp == info)
            return Result<PublicQuestion>.Ok(question.ToPublic());
        var before = question.FollowUp!;
        var delta = StatsCounters.Zero with
        {
            FollowUpAnswered = before.Answer is null && info.Answer is not null ? 1 : 0,
            Overdue = !before.Overdue && info.Overdue ? 1 : 0,
        };
        if (delta.FollowUpAnswered + delta.Overdue > 0)
            Tally(EffectRow.OfQuestion(questionId), question, info.Department, delta);
        return Result<PublicQuestion>.Ok(Put(question, question with { FollowUp = info }).ToPublic());
    }

    /// <summary>Turns a question into a follow-up case of its department (or the openness office), with a deadline.</summary>
    private Question ToFollowUp(Question question)
    {
        var now = clock.GetUtcNow();
        var deadline = rules.FollowUpDeadlineOverride is { } fixedDelay
            ? now + fixedDelay
            : WorkingDays.Add(now, rules.FollowUpWorkingDays, rules.Holidays);
        var info = new FollowUpInfo(FollowUpInfo.CaseIdOf(programmeId, question.Id),
            question.Department ?? DeskCatalogue.OpennessOffice, now, deadline, false, null, null, null);
        var followUp = question with { Status = QuestionStatus.FollowUp, FollowUp = info };
        _changes.Effects.Add((EffectRow.OfQuestion(question.Id), DeskEffect.Open(FollowUpCase.Of(followUp, info) with { ProgrammeTitle = _title })));
        return followUp;
    }

    /// <summary>When the programme has ended, nothing stays waiting in the queue: every unanswered question is followed up.</summary>
    private void FollowUpWhatWasNotReached()
    {
        if (ProgrammeState is not (ProgrammeState.Ended or ProgrammeState.Archived))
            return;
        foreach (var question in _questions.Values.Where(q => q.Status is QuestionStatus.Approved or QuestionStatus.OnAir).ToList())
            Put(question, ToFollowUp(question));
        _settings = _settings with { OnAirId = null, NextId = null };
    }

    /// <summary>Counts a status change for the district, the department and the programme of the question.</summary>
    private void TallyStatus(Question? before, Question after)
    {
        if (before?.Status == after.Status)
            return;
        var delta = after.Status switch
        {
            QuestionStatus.Pending when before is null => StatsCounters.Zero with { Received = 1 },
            QuestionStatus.Approved => StatsCounters.Zero with { Received = before is null ? 1 : 0, Approved = 1 },
            QuestionStatus.Answered => StatsCounters.Zero with { AnsweredOnAir = 1 },
            QuestionStatus.FollowUp => StatsCounters.Zero with { FollowedUp = 1 },
            QuestionStatus.Rejected => StatsCounters.Zero with
            {
                Rejected = 1,
                RejectedByReason = ImmutableDictionary<string, int>.Empty.Add(after.PublicRejectReason ?? RejectReasons.Other, 1),
            },
            _ => null,
        };
        if (delta is not null)
            Tally(EffectRow.OfQuestion(after.Id), after, after.Department ?? "none", delta);
    }

    /// <summary>Counts for the question's district, the department and the programme, stored with the row that implies it.</summary>
    private void Tally(EffectRow row, Question question, string department, StatsCounters delta)
    {
        var month = StatsKeys.Month(clock.GetUtcNow());
        _changes.Effects.Add((row, DeskEffect.Stats(
            [StatsKeys.District(question.DistrictCode ?? "unknown", month), StatsKeys.Department(department, month), StatsKeys.Programme(programmeId)],
            delta)));
    }

    private HashSet<string> RatersOf(long questionId)
    {
        if (!_raters.TryGetValue(questionId, out var raters))
            _raters[questionId] = raters = new HashSet<string>(StringComparer.Ordinal);
        return raters;
    }
}

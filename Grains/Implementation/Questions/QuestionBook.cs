using System.Collections.Immutable;
using Realtime.Contracts.Common;
using Realtime.Contracts.Districts;
using Realtime.Contracts.Programmes;
using Realtime.Contracts.Questions;
using Realtime.Grains.Common;

namespace Realtime.Grains.Questions;

/// <summary>
/// All questions of one programme and the rules that move them, in memory, without Orleans or storage: the desk
/// grain feeds it commands and persists what <see cref="TakeChanges"/> returns. Every command is O(1) in the number
/// of questions already asked (counts are kept incrementally; similarity uses an inverted index).
/// </summary>
public sealed partial class QuestionBook(string programmeId, DeskRules rules, TimeProvider clock)
{
    private readonly Dictionary<long, Question> _questions = [];
    private readonly Dictionary<string, long> _requests = new(StringComparer.Ordinal);
    private readonly Dictionary<long, HashSet<string>> _voters = [];
    private readonly HashSet<string> _banned = new(StringComparer.Ordinal);
    private readonly Dictionary<QuestionStatus, int> _counts = [];
    private readonly SimilarityIndex _similar = new();
    private readonly SubmissionThrottle _throttle = new(clock);
    private readonly BlockedWords _blocked = new(rules.BlockedWords);
    private readonly Queue<ModerationLogEntry> _recentLog = new();
    private DeskChangeSet _changes = new();
    private DeskSettings _settings = new(false, 0, null, null, 0, 1, Layout: DeskStore.BlockLayout);
    private long _nextId = 1;
    private double _maxRank;
    private int _viewers;
    private string? _title;

    public string ProgrammeId => programmeId;
    public string? Title => _title;
    public ProgrammeState ProgrammeState { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public long Version => _settings.Version;
    public IReadOnlyCollection<Question> All => _questions.Values;

    public Question? Get(long questionId) => _questions.GetValueOrDefault(questionId);

    public DeskStatus Status => new(ProgrammeState, _settings.Paused, _settings.SlowModeSeconds, Find(_settings.OnAirId),
        Find(_settings.NextId), new DeskCounts(Count(QuestionStatus.Pending), Count(QuestionStatus.Approved),
            Count(QuestionStatus.Answered), Count(QuestionStatus.FollowUp), Count(QuestionStatus.Rejected), _questions.Count),
        _viewers);

    public void SetProgramme(ProgrammeDetails programme)
    {
        _title = programme.Title;
        ProgrammeState = programme.State;
        StartedAt = programme.StartedAt;
        FollowUpWhatWasNotReached();
    }

    /// <summary>Returns true when the total changed (the caller decides when to push it).</summary>
    public bool SetViewers(int viewers)
    {
        if (viewers == _viewers)
            return false;
        _viewers = viewers;
        return true;
    }

    public Result<SubmitOutcome> Submit(Actor asker, SubmitQuestion command, CommunityInfo? community)
    {
        if (_requests.TryGetValue(RequestKey(asker.Id, command.RequestId), out var existingId))
            return Result<SubmitOutcome>.Ok(new SubmitOutcome(_questions[existingId].ToPublic(), []));
        if (ProgrammeState is ProgrammeState.Ended or ProgrammeState.Archived)
            return Result<SubmitOutcome>.WrongState(ProgrammeState.ToString(), "本期节目已结束，不再接受提问。");
        if (_settings.Paused)
            return Result<SubmitOutcome>.WrongState("Paused", "主持人已暂停提问，请稍后再试。");
        if (_banned.Contains(asker.Id))
            return Result<SubmitOutcome>.Forbidden("您已被禁止在本期节目中提问。");
        if (ValidateCommon(command.RequestId, command.Text, command.Topic, command.Department) is { } invalid)
            return invalid.As<SubmitOutcome>();
        if (command.DisplayName is { Length: > 0 } name && TextRules.Check(name, "昵称", rules.MaxDisplayNameLength) is { } nameError)
            return Result<SubmitOutcome>.Invalid("displayName", nameError);
        if (community is null)
            return Result<SubmitOutcome>.Invalid("communityCode", "请选择所在社区。");

        if (!command.IgnoreSimilar)
        {
            var similar = FindSimilar(command.Text, asker.Id);
            if (similar.Length > 0)
                return Result<SubmitOutcome>.Ok(new SubmitOutcome(null, similar));
        }
        if (_throttle.TryTake(asker.Id, rules.SubmitsPerMinute, _settings.SlowModeSeconds) is { } wait)
            return Result<SubmitOutcome>.RateLimited($"提问太频繁，请 {Math.Ceiling(wait.TotalSeconds)} 秒后再试。", wait);

        var displayName = string.IsNullOrWhiteSpace(command.DisplayName) ? null : command.DisplayName.Trim();
        var question = Create(asker.Id, command.RequestId, displayName, command.Text, community, command.Topic,
            command.Department, QuestionSource.Web, QuestionStatus.Pending, callerLocation: null);
        return Result<SubmitOutcome>.Ok(new SubmitOutcome(question.ToPublic(), []));
    }

    public Result<PublicQuestion> Vote(Actor voter, long questionId)
    {
        // Someone else's unscreened question answers exactly as one that does not exist: ids reveal nothing.
        if (!_questions.TryGetValue(questionId, out var question) || !question.IsVisibleTo(voter.Id))
            return Result<PublicQuestion>.NotFound($"问题 #{questionId} 不存在。");
        if (_banned.Contains(voter.Id))
            return Result<PublicQuestion>.Forbidden("您已被禁止在本期节目中参与互动。");
        if (question.AskerId == voter.Id)
            return Result<PublicQuestion>.Invalid("questionId", "不能为自己的问题点“我也想问”。");
        if (question.Status is not (QuestionStatus.Approved or QuestionStatus.OnAir))
            return Refuse<PublicQuestion>(question, "点“我也想问”");
        var voters = VotersOf(questionId);
        if (!voters.Add(voter.Id))
            return Result<PublicQuestion>.WrongState("Voted", "您已经为这个问题点过“我也想问”。");
        _changes.Votes.Add((questionId, voter.Id));
        return Result<PublicQuestion>.Ok(Put(question, question with { Votes = voters.Count }).ToPublic());
    }

    public Result<PublicQuestion> Withdraw(Actor asker, long questionId)
    {
        if (!_questions.TryGetValue(questionId, out var question) || question.AskerId != asker.Id)
            return Result<PublicQuestion>.NotFound($"您没有编号为 #{questionId} 的问题。");
        if (question.Status != QuestionStatus.Pending)
            return Refuse<PublicQuestion>(question, "撤回（只有待审核的问题可以撤回）");
        return Result<PublicQuestion>.Ok(Put(question, question with { Status = QuestionStatus.Withdrawn }).ToPublic());
    }

    public ViewerSnapshot ViewerSnapshot(string? viewerId) => new(programmeId, Version, Status,
        [.. _questions.Values.Where(q => QuestionStatuses.IsPublic(q.Status)).OrderBy(q => q.Rank).Select(q => q.ToPublic())],
        viewerId is null ? [] : [.. _questions.Values.Where(q => q.AskerId == viewerId).OrderBy(q => q.Id).Select(q => q.ToPublic())],
        viewerId is null ? [] : [.. _voters.Where(v => v.Value.Contains(viewerId)).Select(v => v.Key).Order()],
        viewerId is null ? [] : [.. _raters.Where(r => r.Value.Contains(viewerId)).Select(r => r.Key).Order()]);

    public ModeratorSnapshot ModeratorSnapshot() => new(programmeId, Version, Status,
        [.. _questions.Values.OrderBy(q => q.Id)], [.. _recentLog.Reverse()], [.. rules.RejectReasons]);

    public ImmutableArray<TimelineEntry> Timeline() => StartedAt is not { } start ? [] :
    [
        .. _questions.Values.Where(q => q.OnAirAt is not null).OrderBy(q => q.OnAirAt)
            .Select(q => new TimelineEntry(q.Id, q.Text, q.Department, Math.Round((q.OnAirAt!.Value - start).TotalSeconds, 1),
                q.AnsweredAt is { } answered ? Math.Round((answered - start).TotalSeconds, 1) : null, q.Status)),
    ];

    /// <summary>Hands over everything changed since the last call, stamping a new desk version.</summary>
    public DeskChangeSet TakeChanges()
    {
        var taken = _changes;
        _changes = new DeskChangeSet();
        if (!taken.IsEmpty)
        {
            _settings = _settings with { Version = _settings.Version + 1 };
            taken.SettingsChanged = true;
            // Every effect of the change set carries its version: targets use it to apply each effect once.
            for (var i = 0; i < taken.Effects.Count; i++)
                taken.Effects[i] = (taken.Effects[i].Row, taken.Effects[i].Effect with { Version = _settings.Version });
        }
        return taken;
    }

    public DeskSettings Settings => _settings;

    /// <summary>Whether storage knows the desk's row layout: until it does, the first write stores the settings row first.</summary>
    public bool LayoutStored { get; set; }

    /// <summary>Similar questions this asker may see: public ones and their own (never someone else's unscreened text).</summary>
    private ImmutableArray<SimilarQuestion> FindSimilar(string text, string askerId) =>
    [
        .. _similar.Find(text, rules.SimilarityThreshold, 3, id => _questions[id].IsVisibleTo(askerId))
            .Select(h => (Question: _questions[h.Id], h.Score))
            .Where(h => !h.Question.Held && !_banned.Contains(h.Question.AskerId))
            .Select(h => new SimilarQuestion(h.Question.ToPublic(), Math.Round(h.Score, 2))),
    ];

    private Result<PublicQuestion>? ValidateCommon(string requestId, string text, string? topic, string? department)
    {
        if (string.IsNullOrWhiteSpace(requestId) || requestId.Length > 64)
            return Result<PublicQuestion>.Invalid("requestId", "请求编号必须是 1–64 个字符。");
        if (TextRules.Check(text, "问题内容", rules.MaxTextLength, allowLineBreaks: true) is { } textError)
            return Result<PublicQuestion>.Invalid("text", textError);
        if (topic is { Length: > 0 } && !DeskCatalogue.Topics.Contains(topic))
            return Result<PublicQuestion>.Invalid("topic", $"未知的话题：{topic}。");
        if (department is { Length: > 0 } && DeskCatalogue.FindDepartment(department) is null)
            return Result<PublicQuestion>.Invalid("department", $"未知的部门：{department}。");
        return null;
    }

    private Question Create(string askerId, string requestId, string? askerName, string text, CommunityInfo? community,
        string? topic, string? department, QuestionSource source, QuestionStatus status, string? callerLocation)
    {
        var now = clock.GetUtcNow();
        var id = _nextId++;
        var rank = status == QuestionStatus.Approved ? ++_maxRank : 0;
        var question = new Question(id, programmeId, requestId, askerId, askerName, text.Trim(), null, community?.Code,
            community?.Name, community?.DistrictCode, NullIfEmpty(topic), NullIfEmpty(department), source, status, null, null,
            0, null, _blocked.Find(text), rank, now, now, null, null, callerLocation, 0);
        _requests[RequestKey(askerId, requestId)] = id;
        return Put(null, question);
    }

    /// <summary>Stores a question's new state: counts, similarity index and the change set follow.</summary>
    private Question Put(Question? before, Question after)
    {
        after = after with { Version = (before?.Version ?? 0) + 1, UpdatedAt = clock.GetUtcNow() };
        _questions[after.Id] = after;
        if (before is not null)
            _counts[before.Status] = Count(before.Status) - 1;
        _counts[after.Status] = Count(after.Status) + 1;
        TallyStatus(before, after);
        if (after.Status is QuestionStatus.Pending or QuestionStatus.Approved)
        {
            if (before?.Text != after.Text || before.Status != after.Status)
                _similar.Add(after.Id, after.Text);
        }
        else
        {
            _similar.Remove(after.Id);
        }
        _changes.Record(before, after);
        return after;
    }

    private PublicQuestion? Find(long? id) => id is { } key && _questions.TryGetValue(key, out var q) ? q.ToPublic() : null;

    private int Count(QuestionStatus status) => _counts.GetValueOrDefault(status);

    private HashSet<string> VotersOf(long questionId)
    {
        if (!_voters.TryGetValue(questionId, out var voters))
            _voters[questionId] = voters = new HashSet<string>(StringComparer.Ordinal);
        return voters;
    }

    private static Result<T> Refuse<T>(Question question, string action) => Result<T>.WrongState(question.Status.ToString(),
        $"问题 #{question.Id} 当前状态为“{QuestionStatuses.ChineseName(question.Status)}”({question.Status})，不能{action}。");

    private static string RequestKey(string askerId, string requestId) => askerId + "\n" + requestId;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Realtime.Contracts.Common;
using Realtime.Contracts.Districts;
using Realtime.Contracts.FollowUps;
using Realtime.Grains.Common;
using Realtime.Contracts.Live;
using Realtime.Contracts.Programmes;
using Realtime.Contracts.Questions;

namespace Realtime.Grains.Questions;

/// <summary>
/// Glue between the in-memory <see cref="QuestionBook"/>, the <see cref="DeskStore"/> and the push path. Reentrant so
/// that commands arriving while a write is in flight are applied at once and acknowledged together by the next
/// write (group commit); each command's own logic runs without interleaving, between awaits. Follow-up cases and
/// report counters travel in the rows that imply them and are delivered by <see cref="DeskEffectPump"/>; the outbox
/// reminder brings the desk back after a crash until every one is confirmed.
/// </summary>
[Reentrant]
public sealed class QuestionDeskGrain(
    DeskStore store,
    IOptions<DeskRules> rules,
    IGrainFactory grains,
    TimeProvider clock,
    ILogger<QuestionDeskGrain> logger) : Grain, IQuestionDeskGrain, IRemindable
{
    private static readonly TimeSpan ViewerReportExpiry = TimeSpan.FromSeconds(10);
    private const string Unavailable = "暂时无法保存，请稍后重试（存储服务不可用）。";

    private readonly Dictionary<string, CommunityInfo> _communities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Viewers, DateTimeOffset Seen)> _hostViewers = new(StringComparer.Ordinal);
    private QuestionBook _book = null!;
    private bool _exists;
    private DeskWriter _writer = null!;
    private OutboxReminder _reminder = null!;
    private bool _statusDirty;

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _book = new QuestionBook(Id, rules.Value, clock);
        _reminder = new OutboxReminder(this);
        _writer = new DeskWriter(Id, _book, store, _reminder, () => new DeskEffectPump(Id, grains, logger, () => _writer.Settled()),
            changes => Publish([.. changes.Questions.Values], [.. changes.Log]), () => this.DeactivateOnIdle());
        var programme = await grains.GetGrain<IProgrammeGrain>(Id).Get();
        _exists = programme is not null;
        if (programme is null)
            return;
        var stored = await store.LoadAsync(Id, cancellationToken);
        _book.Restore(stored);
        _writer.Pump.Outbox.Restore(stored.Settings?.EffectsConfirmed ?? 0, _book.Version);
        foreach (var (row, effect) in stored.Effects)
            _writer.Pump.Outbox.Add(row, effect);
        this.RegisterGrainTimer(PushStatusIfDirty, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        await ApplyProgramme(programme);
        _writer.Pump.Kick();
    }

    /// <summary>The outbox reminder: resume what a crash left undelivered; drop the reminder once a finished programme has nothing left.</summary>
    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _reminder.Fired();
        _writer.Pump.Kick();
        return _writer.Pump.Outbox.IsEmpty && _book.ProgrammeState is ProgrammeState.Ended or ProgrammeState.Archived
            ? _reminder.Clear(() => _writer.Pump.Outbox.IsEmpty)
            : Task.CompletedTask;
    }

    public async Task<Result<SubmitOutcome>> Submit(Actor asker, SubmitQuestion command)
    {
        if (!_exists)
            return NotFound<SubmitOutcome>();
        var community = await FindCommunity(command.CommunityCode);
        if (community is null && !string.IsNullOrEmpty(command.CommunityCode))
            return Result<SubmitOutcome>.Invalid("communityCode", $"未知的社区：{command.CommunityCode}。");
        return await Persisted(_book.Submit(asker, command, community));
    }

    public async Task<Result<PublicQuestion>> Vote(Actor voter, long questionId) =>
        _exists ? await Persisted(_book.Vote(voter, questionId)) : NotFound<PublicQuestion>();

    public async Task<Result<PublicQuestion>> Withdraw(Actor asker, long questionId) =>
        _exists ? await Persisted(_book.Withdraw(asker, questionId)) : NotFound<PublicQuestion>();

    public async Task<Result<PublicQuestion>> Rate(Actor viewer, long questionId, int score, string? comment) =>
        _exists ? await Persisted(_book.Rate(viewer, questionId, score, comment)) : NotFound<PublicQuestion>();

    public async Task<Result<PublicQuestion>> UpdateFollowUp(long questionId, FollowUpInfo info) =>
        _exists ? await Persisted(_book.UpdateFollowUp(questionId, info)) : NotFound<PublicQuestion>();

    public async Task<Result<DeskStatus>> Moderate(Actor actor, ModerationCommand command)
    {
        if (!_exists)
            return NotFound<DeskStatus>();
        CommunityInfo? community = null;
        if (command is EnterCall { CommunityCode: { Length: > 0 } code })
        {
            community = await FindCommunity(code);
            if (community is null)
                return Result<DeskStatus>.Invalid("communityCode", $"未知的社区：{code}。");
        }
        return await Persisted(_book.Moderate(actor, command, community));
    }

    public Task<Result<ViewerSnapshot>> GetViewerSnapshot(string? viewerId) =>
        Task.FromResult(_exists ? Result<ViewerSnapshot>.Ok(_book.ViewerSnapshot(viewerId)) : NotFound<ViewerSnapshot>());

    public Task<Result<ModeratorSnapshot>> GetModeratorSnapshot() =>
        Task.FromResult(_exists ? Result<ModeratorSnapshot>.Ok(_book.ModeratorSnapshot()) : NotFound<ModeratorSnapshot>());

    public Task<Result<ImmutableArray<TimelineEntry>>> GetTimeline() =>
        Task.FromResult(_exists ? Result<ImmutableArray<TimelineEntry>>.Ok(_book.Timeline()) : NotFound<ImmutableArray<TimelineEntry>>());

    public async Task<Result<ImmutableArray<ModerationLogEntry>>> GetLog(long? beforeSequence, int take)
    {
        if (!_exists)
            return NotFound<ImmutableArray<ModerationLogEntry>>();
        if (take is < 1 or > 500)
            return Result<ImmutableArray<ModerationLogEntry>>.Invalid("take", "每页 1–500 条。");
        return Result<ImmutableArray<ModerationLogEntry>>.Ok([.. await store.ReadLogAsync(Id, beforeSequence, take)]);
    }

    public Task<Result<PublicQuestion>> GetFollowUpQuestion(long questionId)
    {
        var question = _exists ? _book.Get(questionId) : null;
        return Task.FromResult(question?.FollowUp is null ? NotFound<PublicQuestion>() : Result<PublicQuestion>.Ok(question.ToPublic()));
    }

    public Task<Result<Page<FollowUpCase>>> GetFollowUps(PagePosition? after, int take)
    {
        if (!_exists)
            return Task.FromResult(NotFound<Page<FollowUpCase>>());
        var cases = _book.All.Where(q => q.FollowUp is not null && q.Id > (after?.Key ?? 0)).OrderBy(q => q.Id).Take(take + 1)
            .Select(q => FollowUpCase.Of(q, q.FollowUp!) with { ProgrammeTitle = _book.Title }).ToList();
        var page = cases.Count > take
            ? new Page<FollowUpCase>([.. cases.Take(take)], new PagePosition(cases[take - 1].QuestionId, ""))
            : new Page<FollowUpCase>([.. cases], null);
        return Task.FromResult(Result<Page<FollowUpCase>>.Ok(page));
    }

    public Task ReportViewers(string hostId, int viewers)
    {
        var now = clock.GetUtcNow();
        _hostViewers[hostId] = (viewers, now);
        var total = _hostViewers.Values.Where(h => now - h.Seen < ViewerReportExpiry).Sum(h => h.Viewers);
        _statusDirty |= _exists && _book.SetViewers(total);
        return Task.CompletedTask;
    }

    public Task ProgrammeChanged(ProgrammeDetails programme)
    {
        if (!_exists)
        {
            // Created after this activation looked for it: start again with the programme in place.
            this.DeactivateOnIdle();
            throw new InvalidOperationException($"The desk of {Id} started before its programme existed; call again.");
        }
        return ApplyProgramme(programme);
    }

    /// <summary>
    /// The programme changed: when it has ended, what was not reached becomes follow-up cases. Completes once that is
    /// stored (the cases travel in the same rows), so the programme grain may count its own effect as delivered.
    /// </summary>
    private async Task ApplyProgramme(ProgrammeDetails programme)
    {
        _book.SetProgramme(programme);
        _statusDirty = true;
        await Commit();
        await PushStatusIfDirty(CancellationToken.None);
    }

    /// <summary>Waits until the command's effect is persisted; only then is the caller told it was accepted.</summary>
    private async Task<Result<T>> Persisted<T>(Result<T> result)
    {
        if (!result.IsOk)
            return result;
        try
        {
            await Commit();
            return result;
        }
        catch (Exception ex)
        {
            GrainsLog.DeskWriteFailed(logger, Id, ex);
            return Result<T>.Unavailable(Unavailable);
        }
    }

    private Task Commit() => _writer.Commit();

    private Task PushStatusIfDirty(CancellationToken cancellationToken)
    {
        if (_statusDirty)
            Publish([], []);
        return Task.CompletedTask;
    }

    private void Publish(ImmutableArray<QuestionChange> questions, ImmutableArray<ModerationLogEntry> log)
    {
        _statusDirty = false;
        grains.GetGrain<ILivePublisherGrain>(0).Publish(new DeskChanged(Id, _book.Version, questions, _book.Status, log)).Ignore();
    }

    private async Task<CommunityInfo?> FindCommunity(string? code)
    {
        if (string.IsNullOrEmpty(code) || code.Length > 20)
            return null;
        if (_communities.TryGetValue(code, out var known))
            return known;
        var community = await grains.GetGrain<ICommunityGrain>(code).Get();
        if (community is not null)
            _communities[code] = community;
        return community;
    }

    private Result<T> NotFound<T>() => Result<T>.NotFound($"节目 {Id} 不存在。");
}

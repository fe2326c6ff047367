using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Realtime.Contracts.Common;
using Realtime.Contracts.Districts;
using Realtime.Contracts.FollowUps;
using Realtime.Contracts.Reports;
using Realtime.Grains.Common;
using Realtime.Contracts.Live;
using Realtime.Contracts.Programmes;
using Realtime.Contracts.Questions;

namespace Realtime.Grains.Questions;

/// <summary>
/// Glue between the in-memory <see cref="QuestionBook"/>, the <see cref="DeskStore"/> and the push path. Reentrant so
/// that commands arriving while a write is in flight are applied at once and acknowledged together by the next
/// write (group commit); each command's own logic runs without interleaving, between awaits.
/// </summary>
[Reentrant]
public sealed class QuestionDeskGrain(
    DeskStore store,
    IOptions<DeskRules> rules,
    IGrainFactory grains,
    TimeProvider clock,
    ILogger<QuestionDeskGrain> logger) : Grain, IQuestionDeskGrain
{
    private static readonly TimeSpan ViewerReportExpiry = TimeSpan.FromSeconds(10);
    private const string Unavailable = "暂时无法保存，请稍后重试（存储服务不可用）。";

    private readonly Dictionary<string, CommunityInfo> _communities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Viewers, DateTimeOffset Seen)> _hostViewers = new(StringComparer.Ordinal);
    private QuestionBook _book = null!;
    private bool _exists;
    private GroupCommit? _commit;
    private bool _statusDirty;

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _book = new QuestionBook(Id, rules.Value, clock);
        var programme = await grains.GetGrain<IProgrammeGrain>(Id).Get();
        _exists = programme is not null;
        if (programme is null)
            return;
        _book.Restore(await store.LoadAsync(Id, cancellationToken));
        this.RegisterGrainTimer(PushStatusIfDirty, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        await ApplyProgramme(programme);
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

    public Task<Result<ImmutableArray<FollowUpCase>>> GetFollowUps() => Task.FromResult(_exists
        ? Result<ImmutableArray<FollowUpCase>>.Ok([.. _book.All.Where(q => q.FollowUp is not null).OrderBy(q => q.Id).Select(q => FollowUpCase.Of(q, q.FollowUp!))])
        : NotFound<ImmutableArray<FollowUpCase>>());

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
            return Task.CompletedTask;
        }
        return ApplyProgramme(programme);
    }

    /// <summary>The programme changed: when it has ended, what was not reached becomes follow-up cases.</summary>
    private async Task ApplyProgramme(ProgrammeDetails programme)
    {
        _book.SetProgramme(programme);
        _statusDirty = true;
        try
        {
            await Commit();
        }
        catch (Exception ex)
        {
            GrainsLog.DeskWriteFailed(logger, Id, ex);
        }
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

    private Task Commit() => (_commit ??= new GroupCommit(WriteOnce)).Commit();

    /// <summary>Writes everything changed since the last write, then pushes it; on failure the desk reloads from storage.</summary>
    private async Task WriteOnce()
    {
        var changes = _book.TakeChanges();
        try
        {
            if (!changes.IsEmpty)
                await store.WriteAsync(Id, changes, _book.Settings);
        }
        catch
        {
            // Memory may now hold what storage does not: reload from storage on the next call.
            this.DeactivateOnIdle();
            throw;
        }
        if (changes.IsEmpty && changes.NewCases.Count == 0 && changes.Stats.Count == 0)
            return;
        Publish(changes.Questions.Values.ToImmutableArray(), [.. changes.Log]);
        _ = Propagate(changes);
    }

    /// <summary>After a write: open follow-up cases and add to the report counters (one call per counter key).</summary>
    private async Task Propagate(DeskChangeSet changes)
    {
        try
        {
            var stats = changes.Stats.GroupBy(s => s.Key)
                .Select(g => grains.GetGrain<IStatsGrain>(g.Key).Add(g.Select(s => s.Delta).Aggregate(StatsCounters.Zero, (a, b) => a.Add(b))));
            var cases = changes.NewCases.Select(c => grains.GetGrain<IFollowUpCaseGrain>(c.CaseId).Open(c));
            await Task.WhenAll(stats.Concat(cases));
        }
        catch (Exception ex)
        {
            GrainsLog.PropagationFailed(logger, Id, ex);
        }
    }

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

using System.Collections.Immutable;
using Realtime.Contracts.Reports;

namespace Realtime.Grains.Questions;

/// <summary>
/// The desk's effects that are stored but not yet confirmed by their targets. Effects are confirmed in version order up
/// to a watermark that the settings row keeps; a question row is always written with all of its own unconfirmed
/// effects, so rewriting a row never drops one. After a crash the rows say what is still to do.
/// </summary>
public sealed class DeskOutbox
{
    private readonly SortedDictionary<long, List<(EffectRow Row, DeskEffect Effect)>> _pending = [];
    private readonly Dictionary<long, List<DeskEffect>> _byQuestion = [];

    /// <summary>Every effect up to this version has been applied by its targets.</summary>
    public long Confirmed { get; private set; }

    /// <summary>The version of the last change set known to be in storage; only effects up to it may be sent.</summary>
    public long Stored { get; private set; }

    /// <summary>True when nothing stored is waiting to be sent.</summary>
    public bool IsSettled => !_pending.Keys.Any(v => v <= Stored);

    public bool IsEmpty => _pending.Count == 0;

    public int Count => _pending.Values.Sum(v => v.Count);

    /// <summary>The unconfirmed effects a question row must carry when it is written.</summary>
    public ImmutableArray<DeskEffect> ForQuestion(long questionId) =>
        _byQuestion.TryGetValue(questionId, out var effects) ? [.. effects] : [];

    /// <summary>Effects of a change set about to be written; they count as pending once their write succeeded.</summary>
    public void Add(EffectRow row, DeskEffect effect)
    {
        if (effect.Version <= Confirmed)
            return;
        if (!_pending.TryGetValue(effect.Version, out var atVersion))
            _pending[effect.Version] = atVersion = [];
        atVersion.Add((row, effect));
        if (row.RaterId is null)
        {
            if (!_byQuestion.TryGetValue(row.QuestionId, out var effects))
                _byQuestion[row.QuestionId] = effects = [];
            effects.Add(effect);
        }
    }

    /// <summary>Restores the watermark from the settings row (before the rows' effects are added).</summary>
    public void Restore(long confirmed, long stored)
    {
        Confirmed = confirmed;
        Stored = Math.Max(stored, confirmed);
    }

    /// <summary>The change set of this version (and every earlier one) is in storage.</summary>
    public void MarkStored(long version) => Stored = Math.Max(Stored, version);

    /// <summary>What to send now: the counters per key (one entry per version) and the cases to open.</summary>
    public OutboxBatch Take()
    {
        var stored = _pending.Where(p => p.Key <= Stored).ToList();
        var upTo = stored.Count == 0 ? Confirmed : stored[^1].Key;
        var effects = stored.SelectMany(p => p.Value).Select(e => e.Effect).ToList();
        var stats = effects.Where(e => e.Delta is not null)
            .SelectMany(e => e.StatsKeys.Select(key => (Key: key, e.Version, Delta: e.Delta!)))
            .GroupBy(e => e.Key)
            .ToImmutableDictionary(g => g.Key, g => g.GroupBy(e => e.Version)
                .Select(v => new StatsEntry(v.Key, v.Select(e => e.Delta).Aggregate(StatsCounters.Zero, (a, b) => a.Add(b))))
                .OrderBy(e => e.Version).ToImmutableArray());
        var cases = effects.Select(e => e.Case).OfType<Contracts.FollowUps.FollowUpCase>()
            .GroupBy(c => c.CaseId).Select(g => g.Last()).ToImmutableArray();
        return new OutboxBatch(upTo, stats, cases);
    }

    /// <summary>Every effect up to <paramref name="version"/> was applied by its targets.</summary>
    public void Confirm(long version)
    {
        foreach (var key in _pending.Keys.TakeWhile(v => v <= version).ToList())
            _pending.Remove(key);
        foreach (var (questionId, effects) in _byQuestion.ToList())
        {
            effects.RemoveAll(e => e.Version <= version);
            if (effects.Count == 0)
                _byQuestion.Remove(questionId);
        }
        Confirmed = Math.Max(Confirmed, version);
    }
}

/// <summary>One round of the outbox: everything pending up to <see cref="UpTo"/>.</summary>
public sealed record OutboxBatch(
    long UpTo,
    ImmutableDictionary<string, ImmutableArray<StatsEntry>> Stats,
    ImmutableArray<Contracts.FollowUps.FollowUpCase> Cases)
{
    public bool IsEmpty => Stats.IsEmpty && Cases.IsEmpty;
}

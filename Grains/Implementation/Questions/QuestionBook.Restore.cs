using Realtime.Contracts.Questions;

namespace Realtime.Grains.Questions;

public sealed partial class QuestionBook
{
    /// <summary>Rebuilds the book from stored rows (on activation). Vote rows, not the stored counts, are the truth.</summary>
    public void Restore(DeskStored stored)
    {
        if (stored.Settings is { } settings)
            (_settings, LayoutStored) = (settings, true);
        else if (stored.Questions.Count > 0 || stored.Votes.Count > 0 || stored.Ratings.Count > 0)
            (_settings, LayoutStored) = (_settings with { Layout = DeskStore.IdLayout }, true); // rows from before layouts were stored
        // Rows of a change set may be stored while the settings row of that write was not: never reuse a version that
        // stamped an effect, or its targets would take a new effect for a resend.
        var lastEffect = stored.Effects.Count == 0 ? 0 : stored.Effects.Max(e => e.Effect.Version);
        if (lastEffect > _settings.Version)
            _settings = _settings with { Version = lastEffect };
        foreach (var (questionId, voterId) in stored.Votes)
            VotersOf(questionId).Add(voterId);
        var ratings = new Dictionary<long, (int Count, int Sum)>();
        foreach (var (questionId, viewerId, score) in stored.Ratings)
        {
            if (!RatersOf(questionId).Add(viewerId))
                continue;
            var (count, sum) = ratings.GetValueOrDefault(questionId);
            ratings[questionId] = (count + 1, sum + score);
        }
        foreach (var question in stored.Questions)
        {
            var (ratingCount, ratingSum) = ratings.GetValueOrDefault(question.Id);
            var restored = question with
            {
                Votes = _voters.TryGetValue(question.Id, out var v) ? v.Count : 0,
                Ratings = ratingCount,
                RatingSum = ratingSum,
            };
            _questions[restored.Id] = restored;
            _counts[restored.Status] = Count(restored.Status) + 1;
            _requests[RequestKey(restored.AskerId, restored.RequestId)] = restored.Id;
            _nextId = Math.Max(_nextId, restored.Id + 1);
            _maxRank = Math.Max(_maxRank, restored.Rank);
            if (restored.Status is QuestionStatus.Pending or QuestionStatus.Approved)
                _similar.Add(restored.Id, restored.Text);
        }
        foreach (var viewer in stored.Banned)
            _banned.Add(viewer);
        foreach (var entry in stored.RecentLog.OrderBy(e => e.Sequence))
            Remember(entry);
    }
}

/// <summary>What the store loads for one desk.</summary>
public sealed record DeskStored(
    DeskSettings? Settings,
    IReadOnlyList<Question> Questions,
    IReadOnlyList<(long QuestionId, string VoterId)> Votes,
    IReadOnlyList<string> Banned,
    IReadOnlyList<ModerationLogEntry> RecentLog,
    IReadOnlyList<(long QuestionId, string ViewerId, int Score)> Ratings,
    IReadOnlyList<(EffectRow Row, DeskEffect Effect)> Effects);

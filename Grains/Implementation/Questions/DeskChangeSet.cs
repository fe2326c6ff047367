using Realtime.Contracts.Questions;

namespace Realtime.Grains.Questions;

/// <summary>What changed on a desk since the last write: the unit of one group commit.</summary>
public sealed class DeskChangeSet
{
    public Dictionary<long, QuestionChange> Questions { get; } = [];
    public List<(long QuestionId, string VoterId)> Votes { get; } = [];
    public List<string> Banned { get; } = [];
    public List<ModerationLogEntry> Log { get; } = [];
    public List<(long QuestionId, string ViewerId, int Score, string? Comment)> Ratings { get; } = [];

    /// <summary>Follow-up cases and counters this change implies, each tied to the row whose change implies it.</summary>
    public List<(EffectRow Row, DeskEffect Effect)> Effects { get; } = [];
    public bool SettingsChanged { get; set; }

    public bool IsEmpty => Questions.Count == 0 && Votes.Count == 0 && Banned.Count == 0 && Log.Count == 0 && Ratings.Count == 0
        && !SettingsChanged;

    public void Record(Question? before, Question after)
    {
        var wasPublic = Questions.TryGetValue(after.Id, out var earlier)
            ? earlier.WasPublic
            : before is not null && QuestionStatuses.IsPublic(before.Status);
        Questions[after.Id] = new QuestionChange(after, wasPublic);
    }
}

/// <summary>
/// The desk-wide settings row. <see cref="EffectsConfirmed"/>: every effect up to this version was applied by its
/// targets (kept by the desk grain, not by the book). <see cref="Layout"/>: how the desk's rows are spread over partitions
/// (<see cref="DeskStore.Partition"/>); rows stored before it existed read as 0.
/// </summary>
public sealed record DeskSettings(bool Paused, int SlowModeSeconds, long? NextId, long? OnAirId, long Version, long NextLogSequence,
    long EffectsConfirmed = 0, int Layout = 0);

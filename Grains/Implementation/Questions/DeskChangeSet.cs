using Realtime.Contracts.FollowUps;
using Realtime.Contracts.Reports;
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
    public List<FollowUpCase> NewCases { get; } = [];
    public List<(string Key, StatsCounters Delta)> Stats { get; } = [];
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

/// <summary>The desk-wide settings row.</summary>
public sealed record DeskSettings(bool Paused, int SlowModeSeconds, long? NextId, long? OnAirId, long Version, long NextLogSequence);

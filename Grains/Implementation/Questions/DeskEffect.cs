using System.Collections.Immutable;
using Realtime.Contracts.FollowUps;
using Realtime.Contracts.Reports;

namespace Realtime.Grains.Questions;

/// <summary>
/// A record the desk derives from a change of one of its rows: counters to add to report keys, or a follow-up case to
/// open. It is stored in the very row whose change implies it (same write), stamped with the change set's version, and
/// stays pending until every target has confirmed it (see <see cref="DeskOutbox"/>).
/// </summary>
public sealed record DeskEffect(long Version, ImmutableArray<string> StatsKeys, StatsCounters? Delta, FollowUpCase? Case)
{
    public static DeskEffect Stats(ImmutableArray<string> keys, StatsCounters delta) => new(0, keys, delta, null);

    public static DeskEffect Open(FollowUpCase followUp) => new(0, [], null, followUp);
}

/// <summary>Where an effect is stored: a question row, or the row of one viewer's rating of a question.</summary>
public readonly record struct EffectRow(long QuestionId, string? RaterId)
{
    public static EffectRow OfQuestion(long questionId) => new(questionId, null);
}

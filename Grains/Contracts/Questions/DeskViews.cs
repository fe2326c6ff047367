using System.Collections.Immutable;
using Realtime.Contracts.Programmes;

namespace Realtime.Contracts.Questions;

[GenerateSerializer, Immutable, Alias("Realtime.DeskCounts")]
public sealed record DeskCounts(
    [property: Id(0)] int Pending,
    [property: Id(1)] int Approved,
    [property: Id(2)] int Answered,
    [property: Id(3)] int FollowUp,
    [property: Id(4)] int Rejected,
    [property: Id(5)] int Total);

/// <summary>What every viewer sees of the desk besides the questions.</summary>
[GenerateSerializer, Immutable, Alias("Realtime.DeskStatus")]
public sealed record DeskStatus(
    [property: Id(0)] ProgrammeState ProgrammeState,
    [property: Id(1)] bool Paused,
    [property: Id(2)] int SlowModeSeconds,
    [property: Id(3)] PublicQuestion? OnAir,
    [property: Id(4)] PublicQuestion? Next,
    [property: Id(5)] DeskCounts Counts,
    [property: Id(6)] int Viewers);

/// <summary>The viewer's snapshot: public queue (approved, on air, answered) plus the viewer's own questions.</summary>
[GenerateSerializer, Immutable, Alias("Realtime.ViewerSnapshot")]
public sealed record ViewerSnapshot(
    [property: Id(0)] string ProgrammeId,
    [property: Id(1)] long Version,
    [property: Id(2)] DeskStatus Status,
    [property: Id(3)] ImmutableArray<PublicQuestion> Queue,
    [property: Id(4)] ImmutableArray<PublicQuestion> Mine,
    [property: Id(5)] ImmutableArray<long> MyVotes,
    [property: Id(6)] ImmutableArray<long> MyRatings);

/// <summary>The moderators' snapshot: every question, the settings, the latest moderation log entries.</summary>
[GenerateSerializer, Immutable, Alias("Realtime.ModeratorSnapshot")]
public sealed record ModeratorSnapshot(
    [property: Id(0)] string ProgrammeId,
    [property: Id(1)] long Version,
    [property: Id(2)] DeskStatus Status,
    [property: Id(3)] ImmutableArray<Question> Questions,
    [property: Id(4)] ImmutableArray<ModerationLogEntry> Log,
    [property: Id(5)] ImmutableArray<string> RejectReasons);

/// <summary>One moderation action: who, what, when, before and after.</summary>
[GenerateSerializer, Immutable, Alias("Realtime.ModerationLogEntry")]
public sealed record ModerationLogEntry(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string ActorId,
    [property: Id(3)] string ActorName,
    [property: Id(4)] string Action,
    [property: Id(5)] long? QuestionId,
    [property: Id(6)] string? Before,
    [property: Id(7)] string? After);

/// <summary>When a question went on air and was answered, relative to the programme's start (for chapters).</summary>
[GenerateSerializer, Immutable, Alias("Realtime.TimelineEntry")]
public sealed record TimelineEntry(
    [property: Id(0)] long QuestionId,
    [property: Id(1)] string Text,
    [property: Id(2)] string? Department,
    [property: Id(3)] double OnAirSeconds,
    [property: Id(4)] double? AnsweredSeconds,
    [property: Id(5)] QuestionStatus Status);

using System.Collections.Immutable;

namespace Realtime.Contracts.Questions;

/// <summary>A viewer's question. The same <see cref="RequestId"/> from the same asker always gives the same question.</summary>
[GenerateSerializer, Immutable, Alias("Realtime.SubmitQuestion")]
public sealed record SubmitQuestion(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string Text,
    [property: Id(2)] string? DisplayName,
    [property: Id(3)] string? CommunityCode,
    [property: Id(4)] string? Topic,
    [property: Id(5)] string? Department,
    [property: Id(6)] bool IgnoreSimilar = false);

/// <summary>
/// Either the new (or, for a repeated request id, the original) question, or — when <see cref="Question"/> is null —
/// similar questions already in the programme, offered so the viewer can add a vote instead.
/// </summary>
[GenerateSerializer, Immutable, Alias("Realtime.SubmitOutcome")]
public sealed record SubmitOutcome(
    [property: Id(0)] PublicQuestion? Question,
    [property: Id(1)] ImmutableArray<SimilarQuestion> Similar);

[GenerateSerializer, Immutable, Alias("Realtime.SimilarQuestion")]
public sealed record SimilarQuestion(
    [property: Id(0)] PublicQuestion Question,
    [property: Id(1)] double Similarity);

/// <summary>Who acts on the desk: the token's subject, display name and highest role.</summary>
[GenerateSerializer, Immutable, Alias("Realtime.Actor")]
public sealed record Actor(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] DeskRole Role);

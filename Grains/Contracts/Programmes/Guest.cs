namespace Realtime.Contracts.Programmes;

/// <summary>A guest in the studio: who answers for which department.</summary>
[GenerateSerializer, Immutable, Alias("Realtime.Guest")]
public sealed record Guest(
    [property: Id(0)] string Department,
    [property: Id(1)] string Name,
    [property: Id(2)] string Title);

using System.Collections.Immutable;

namespace Realtime.Contracts.Programmes;

/// <summary>The command that creates a programme. Validated again by the grain.</summary>
[GenerateSerializer, Immutable, Alias("Realtime.ScheduleProgramme")]
public sealed record ScheduleProgramme(
    [property: Id(0)] Series Series,
    [property: Id(1)] string Title,
    [property: Id(2)] DateTimeOffset ScheduledStart,
    [property: Id(3)] DateTimeOffset ScheduledEnd,
    [property: Id(4)] ImmutableArray<Guest> Guests,
    [property: Id(5)] ImmutableArray<string> Districts);

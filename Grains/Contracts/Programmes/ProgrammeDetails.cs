using System.Collections.Immutable;

namespace Realtime.Contracts.Programmes;

/// <summary>Everything about one broadcast. <see cref="Version"/> grows with every change.</summary>
[GenerateSerializer, Immutable, Alias("Realtime.ProgrammeDetails")]
public sealed record ProgrammeDetails(
    [property: Id(0)] string Id,
    [property: Id(1)] Series Series,
    [property: Id(2)] ProgrammeKind Kind,
    [property: Id(3)] string Title,
    [property: Id(4)] DateTimeOffset ScheduledStart,
    [property: Id(5)] DateTimeOffset ScheduledEnd,
    [property: Id(6)] ImmutableArray<Guest> Guests,
    [property: Id(7)] ImmutableArray<string> Districts,
    [property: Id(8)] ProgrammeState State,
    [property: Id(9)] DateTimeOffset? StartedAt,
    [property: Id(10)] DateTimeOffset? EndedAt,
    [property: Id(11)] DateTimeOffset? ArchivedAt,
    [property: Id(12)] long Version)
{
    public ProgrammeSummary ToSummary() =>
        new(Id, Series, Kind, Title, ScheduledStart, ScheduledEnd, State, Districts, Version);
}

/// <summary>The short form used in lists (catalogue, district pages).</summary>
[GenerateSerializer, Immutable, Alias("Realtime.ProgrammeSummary")]
public sealed record ProgrammeSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] Series Series,
    [property: Id(2)] ProgrammeKind Kind,
    [property: Id(3)] string Title,
    [property: Id(4)] DateTimeOffset ScheduledStart,
    [property: Id(5)] DateTimeOffset ScheduledEnd,
    [property: Id(6)] ProgrammeState State,
    [property: Id(7)] ImmutableArray<string> Districts,
    [property: Id(8)] long Version);

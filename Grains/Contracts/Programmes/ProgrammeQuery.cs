namespace Realtime.Contracts.Programmes;

/// <summary>
/// Which programmes to list: those of a scope (<see cref="ProgrammeScopes"/>), scheduled in [<see cref="From"/>,
/// <see cref="To"/>), optionally in one state, oldest first (<see cref="Descending"/> false) or newest first.
/// </summary>
[GenerateSerializer, Immutable, Alias("Realtime.ProgrammeQuery")]
public sealed record ProgrammeQuery(
    [property: Id(0)] string Scope,
    [property: Id(1)] bool Descending,
    [property: Id(2)] DateTimeOffset? From,
    [property: Id(3)] DateTimeOffset? To,
    [property: Id(4)] ProgrammeState? State,
    [property: Id(5)] int Take);

/// <summary>The landing view of a scope: live now, the next 7 days, the last 7 days, and where older ones continue.</summary>
[GenerateSerializer, Immutable, Alias("Realtime.ProgrammeWindow")]
public sealed record ProgrammeWindow(
    [property: Id(0)] System.Collections.Immutable.ImmutableArray<ProgrammeSummary> Live,
    [property: Id(1)] System.Collections.Immutable.ImmutableArray<ProgrammeSummary> Upcoming,
    [property: Id(2)] System.Collections.Immutable.ImmutableArray<ProgrammeSummary> Recent,
    [property: Id(3)] DateTimeOffset OlderBefore);

/// <summary>Scopes of the programme lists: the whole city, or the programmes covering one district.</summary>
public static class ProgrammeScopes
{
    public const string All = "all";

    public static string District(string code) => "district-" + code;
}

using Realtime.Contracts.Programmes;

namespace Realtime.Contracts.Live;

/// <summary>
/// Something that happened in the cluster and must reach browsers. Grains publish these; every LiveApi host
/// receives each one and fans it out to its own SignalR connections.
/// </summary>
[GenerateSerializer, Immutable, Alias("Realtime.LiveEvent")]
public abstract record LiveEvent;

/// <summary>A programme was scheduled or changed state. Goes to its viewers, its districts and the catalogue.</summary>
[GenerateSerializer, Immutable, Alias("Realtime.ProgrammeChanged")]
public sealed record ProgrammeChanged([property: Id(0)] ProgrammeDetails Programme) : LiveEvent;

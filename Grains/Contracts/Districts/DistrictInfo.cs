using System.Collections.Immutable;
using Realtime.Contracts.Programmes;

namespace Realtime.Contracts.Districts;

/// <summary>A community as listed by its district.</summary>
[GenerateSerializer, Immutable, Alias("Realtime.CommunityRef")]
public sealed record CommunityRef([property: Id(0)] string Code, [property: Id(1)] string Name);

/// <summary>
/// What a district shows: who it is, its communities, and the programmes covering it that are live, in the next 7 days
/// or in the last 7 days (older ones are paged: <c>GET /api/districts/{code}/programmes</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("Realtime.DistrictInfo")]
public sealed record DistrictInfo(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] DistrictKind Kind,
    [property: Id(3)] ImmutableArray<CommunityRef> Communities,
    [property: Id(4)] ImmutableArray<ProgrammeSummary> Programmes)
{
    /// <summary>The programmes covering this district that are on air now.</summary>
    public IEnumerable<ProgrammeSummary> LiveProgrammes => Programmes.Where(p => p.State == ProgrammeState.Live);
}

namespace Realtime.Contracts.Districts;

[GenerateSerializer, Immutable, Alias("Realtime.CommunityInfo")]
public sealed record CommunityInfo(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] string DistrictCode);

using Realtime.Contracts.Districts;

namespace Realtime.Grains.Districts;

[GenerateSerializer, Alias("Realtime.DistrictState")]
public sealed class DistrictState
{
    [Id(0)] public string? Name { get; set; }
    [Id(1)] public DistrictKind Kind { get; set; }
    [Id(2)] public List<CommunityRef> Communities { get; set; } = [];
}

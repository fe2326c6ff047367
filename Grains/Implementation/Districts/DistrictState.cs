using Realtime.Contracts.Districts;
using Realtime.Contracts.Programmes;

namespace Realtime.Grains.Districts;

[GenerateSerializer, Alias("Realtime.DistrictState")]
public sealed class DistrictState
{
    [Id(0)] public string? Name { get; set; }
    [Id(1)] public DistrictKind Kind { get; set; }
    [Id(2)] public List<CommunityRef> Communities { get; set; } = [];
    [Id(3)] public Dictionary<string, ProgrammeSummary> Programmes { get; set; } = [];
}

namespace Realtime.Grains.Districts;

[GenerateSerializer, Alias("Realtime.CommunityState")]
public sealed class CommunityState
{
    [Id(0)] public string? Name { get; set; }
    [Id(1)] public string? DistrictCode { get; set; }
}

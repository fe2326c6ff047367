namespace Realtime.Grains.Districts;

[GenerateSerializer, Alias("Realtime.CityState")]
public sealed class CityState
{
    [Id(0)] public List<string> Districts { get; set; } = [];
}

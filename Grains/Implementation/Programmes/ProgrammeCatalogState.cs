using Realtime.Contracts.Programmes;

namespace Realtime.Grains.Programmes;

[GenerateSerializer, Alias("Realtime.ProgrammeCatalogState")]
public sealed class ProgrammeCatalogState
{
    [Id(0)] public Dictionary<string, ProgrammeSummary> Programmes { get; set; } = [];
}

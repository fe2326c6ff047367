using Realtime.Contracts.Programmes;

namespace Realtime.Grains.Programmes;

[GenerateSerializer, Alias("Realtime.ProgrammeGrainState")]
public sealed class ProgrammeGrainState
{
    /// <summary>Null until the programme is scheduled.</summary>
    [Id(0)] public ProgrammeDetails? Details { get; set; }
}

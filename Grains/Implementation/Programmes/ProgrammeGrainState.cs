using Realtime.Contracts.Media;
using Realtime.Contracts.Programmes;

namespace Realtime.Grains.Programmes;

[GenerateSerializer, Alias("Realtime.ProgrammeGrainState")]
public sealed class ProgrammeGrainState
{
    /// <summary>Null until the programme is scheduled.</summary>
    [Id(0)] public ProgrammeDetails? Details { get; set; }

    /// <summary>The published recording (early while it is still transcoding), if any.</summary>
    [Id(1)] public Recording? Recording { get; set; }

    /// <summary>Grows with every change of the details or the recording.</summary>
    [Id(2)] public long Revision { get; set; }

    /// <summary>
    /// The revision whose effects (lists, desk, archive) are all applied. Below <see cref="Revision"/>, a change is stored
    /// but not yet delivered: the outbox of this grain, written in the same state write as the change.
    /// </summary>
    [Id(3)] public long Delivered { get; set; }

    /// <summary>A recording was listed in the archive once, so withdrawing it must take the entry out again.</summary>
    [Id(4)] public bool EverPublished { get; set; }
}

using Realtime.Contracts.FollowUps;

namespace Realtime.Grains.FollowUps;

[GenerateSerializer, Alias("Realtime.FollowUpCaseState")]
public sealed class FollowUpCaseState
{
    [Id(0)] public FollowUpCase? Case { get; set; }

    /// <summary>
    /// The case version its desk and its department's list have confirmed. Below <see cref="FollowUpCase.Version"/>, the
    /// change is stored but not yet delivered (the outbox of this grain).
    /// </summary>
    [Id(1)] public int Delivered { get; set; }
}

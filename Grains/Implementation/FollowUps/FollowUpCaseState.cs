using Realtime.Contracts.FollowUps;

namespace Realtime.Grains.FollowUps;

[GenerateSerializer, Alias("Realtime.FollowUpCaseState")]
public sealed class FollowUpCaseState
{
    [Id(0)] public FollowUpCase? Case { get; set; }
}

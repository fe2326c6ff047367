using Realtime.Contracts.FollowUps;

namespace Realtime.Grains.FollowUps;

[GenerateSerializer, Alias("Realtime.DepartmentState")]
public sealed class DepartmentState
{
    [Id(0)] public Dictionary<string, FollowUpCase> Open { get; set; } = [];
    [Id(1)] public List<FollowUpCase> RecentlyAnswered { get; set; } = [];
}

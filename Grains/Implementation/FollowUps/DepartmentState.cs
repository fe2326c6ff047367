using Realtime.Contracts.Programmes;

namespace Realtime.Grains.FollowUps;

[GenerateSerializer, Alias("Realtime.DepartmentState")]
public sealed class DepartmentState
{
    /// <summary>The first and last month in which the department opened cases.</summary>
    [Id(2)] public MonthBounds? Bounds { get; set; }

    /// <summary>Months that still have open cases, with how many and the revision of that count.</summary>
    [Id(3)] public Dictionary<string, OpenMonth> OpenByMonth { get; set; } = [];
}

[GenerateSerializer, Alias("Realtime.OpenMonth")]
public sealed class OpenMonth
{
    [Id(0)] public int Open { get; set; }

    [Id(1)] public long Revision { get; set; }
}

using Realtime.Contracts.Programmes;

namespace Realtime.Grains.Programmes;

/// <summary>The only transitions a programme may make: Scheduled → Live → Ended → Archived.</summary>
public static class ProgrammeLifecycle
{
    public static bool CanMove(ProgrammeState from, ProgrammeState to) =>
        (from, to) is (ProgrammeState.Scheduled, ProgrammeState.Live)
            or (ProgrammeState.Live, ProgrammeState.Ended)
            or (ProgrammeState.Ended, ProgrammeState.Archived);

    /// <summary>Tells the user which state the programme is in and why the step is not possible.</summary>
    public static string Refusal(ProgrammeState from, ProgrammeState to)
    {
        var action = to switch
        {
            ProgrammeState.Live => "开始直播",
            ProgrammeState.Ended => "结束直播",
            ProgrammeState.Archived => "归档",
            _ => to.ToString(),
        };
        var needed = to switch
        {
            ProgrammeState.Live => "只有“未开始”的节目可以开始直播",
            ProgrammeState.Ended => "只有“直播中”的节目可以结束",
            ProgrammeState.Archived => "只有“已结束”的节目可以归档",
            _ => "",
        };
        return $"节目当前状态为“{SeriesCatalog.ChineseName(from)}”({from})，不能{action}：{needed}。";
    }
}

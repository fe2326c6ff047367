namespace Realtime.Contracts.Programmes;

/// <summary>The five programme series of Shenyang's government-openness broadcasts.</summary>
public enum Series
{
    /// <summary>《民生面对面》, live TV studio with department heads.</summary>
    MinshengFaceToFace = 0,
    /// <summary>《连心桥政务公开热线》, radio call-in hotline.</summary>
    LianxinqiaoHotline = 1,
    /// <summary>局长访谈, online video interview with a bureau director.</summary>
    DirectorInterview = 2,
    /// <summary>审批讲座, online video lecture on administrative approvals.</summary>
    ApprovalLecture = 3,
    /// <summary>百家社区讲堂, online video community lecture.</summary>
    CommunityForum = 4,
}

/// <summary>How a programme reaches its audience.</summary>
public enum ProgrammeKind
{
    Tv = 0,
    Radio = 1,
    OnlineVideo = 2,
}

/// <summary>Names and kinds of the series; the single place where they are spelled.</summary>
public static class SeriesCatalog
{
    public static ProgrammeKind KindOf(Series series) => series switch
    {
        Series.MinshengFaceToFace => ProgrammeKind.Tv,
        Series.LianxinqiaoHotline => ProgrammeKind.Radio,
        _ => ProgrammeKind.OnlineVideo,
    };

    public static string ChineseName(Series series) => series switch
    {
        Series.MinshengFaceToFace => "《民生面对面》",
        Series.LianxinqiaoHotline => "《连心桥政务公开热线》",
        Series.DirectorInterview => "局长访谈",
        Series.ApprovalLecture => "审批讲座",
        Series.CommunityForum => "百家社区讲堂",
        _ => series.ToString(),
    };

    public static string ChineseName(ProgrammeState state) => state switch
    {
        ProgrammeState.Scheduled => "未开始",
        ProgrammeState.Live => "直播中",
        ProgrammeState.Ended => "已结束",
        ProgrammeState.Archived => "已归档",
        _ => state.ToString(),
    };
}

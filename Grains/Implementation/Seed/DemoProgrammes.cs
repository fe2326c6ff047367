using Realtime.Contracts.Programmes;

namespace Realtime.Grains.Seed;

/// <summary>Demo programmes, timed relative to the first start: one live, several upcoming, one ended.</summary>
public static class DemoProgrammes
{
    public sealed record Demo(string Id, ScheduleProgramme Command, ProgrammeState Target);

    public static IReadOnlyList<Demo> Build(DateTimeOffset now)
    {
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, now.Offset);
        var tomorrow = hour.AddDays(1);
        return
        [
            new("demo-minsheng-live", new(Series.MinshengFaceToFace, "聚焦养老服务与医保报销",
                hour, hour.AddMinutes(90),
                [new("沈阳市民政局", "王建国", "局长"), new("沈阳市医疗保障局", "李慧", "副局长")],
                ["210102", "210103", "210104", "210105", "210106"]), ProgrammeState.Live),
            new("demo-lianxinqiao-housing", new(Series.LianxinqiaoHotline, "房产局长走进直播间：动拆迁与房屋产权",
                tomorrow.AddHours(2), tomorrow.AddHours(3),
                [new("沈阳市房产局", "赵志刚", "局长")],
                ["210102", "210103", "210112", "210114"]), ProgrammeState.Scheduled),
            new("demo-director-agriculture", new(Series.DirectorInterview, "农业局长谈土地承包与农机具补贴",
                tomorrow.AddHours(5), tomorrow.AddHours(6),
                [new("沈阳市农业局", "孙立民", "局长"), new("沈阳市水利局", "周海", "副局长")],
                ["210115", "210123", "210124", "210181"]), ProgrammeState.Scheduled),
            new("demo-approval-homestead", new(Series.ApprovalLecture, "宅基地审批流程详解",
                tomorrow.AddDays(1).AddHours(3), tomorrow.AddDays(1).AddHours(4),
                [new("沈阳市行政审批局", "陈静", "处长")],
                ["210111", "210113", "210115"]), ProgrammeState.Scheduled),
            new("demo-community-forum", new(Series.CommunityForum, "社区政务服务中心：低保、再就业全程代办",
                tomorrow.AddDays(2).AddHours(1), tomorrow.AddDays(2).AddHours(2),
                [new("沈阳市人力资源和社会保障局", "刘洋", "处长")],
                ["210104", "210105", "210106"]), ProgrammeState.Scheduled),
            new("demo-minsheng-ended", new(Series.MinshengFaceToFace, "再就业与低保政策解读",
                hour.AddDays(-1), hour.AddDays(-1).AddMinutes(90),
                [new("沈阳市劳动和社会保障局", "吴晓东", "局长")],
                ["210106", "210114", "210181"]), ProgrammeState.Ended),
        ];
    }
}

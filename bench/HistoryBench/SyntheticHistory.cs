using System.Collections.Immutable;
using Realtime.Contracts.Common;
using Realtime.Contracts.FollowUps;
using Realtime.Contracts.Media;
using Realtime.Contracts.Programmes;
using Realtime.Contracts.Questions;

namespace Realtime.Bench.History;

/// <summary>One synthetic programme of the history: its summary, its archive entry and its follow-up cases.</summary>
public sealed record HistoricProgramme(ProgrammeSummary Summary, ArchiveEntry? Entry, ImmutableArray<FollowUpCase> Cases);

/// <summary>
/// A deterministic history: 150 programmes a month over 5 series and 13 districts, 10 answered questions each, about
/// 5.6 follow-up cases each, with the skew of a real city (a few busy districts and departments take most of it).
/// Cases older than two months are answered; of the last two months, some are still open (a few overdue).
/// </summary>
public sealed class SyntheticHistory(DateTimeOffset now)
{
    public const int ProgrammesPerMonth = 150;
    public const int AnsweredPerProgramme = 10;

    public static readonly string[] Districts =
        ["210102", "210103", "210104", "210105", "210106", "210111", "210112", "210113", "210114", "210115", "210123", "210124", "210181"];

    private static readonly string[] Topics =
        ["养老金", "医保报销", "低保", "再就业", "土地承包", "宅基地审批", "动拆迁", "农机具补贴", "计划生育", "土地补偿", "供暖", "物业", "公积金", "义务教育入学"];

    private static readonly string[] Asks =
        ["怎么申请？", "什么时候发放？", "标准是多少？", "需要哪些材料？", "到哪里办理？", "为什么还没有到账？", "可以网上办吗？", "政策有没有调整？"];

    private static readonly string[] Places = ["社区", "街道", "乡镇", "村委会", "小区"];

    /// <summary>Months from the oldest to the newest (the month of <c>now</c>).</summary>
    public IEnumerable<string> Months(int count)
    {
        var month = ChinaMonths.Of(now);
        var list = new List<string> { month };
        for (var i = 1; i < count; i++)
            list.Add(month = ChinaMonths.Previous(month));
        return Enumerable.Reverse(list);
    }

    /// <summary>The programmes scheduled in one month (those after <c>now</c> are still to come).</summary>
    public IEnumerable<HistoricProgramme> Month(string month)
    {
        var start = ChinaMonths.Start(month)!.Value;
        var days = (ChinaMonths.Start(ChinaMonths.Next(month))!.Value - start).TotalDays;
        var random = new Random(month.GetHashCode(StringComparison.Ordinal) ^ 0x5EED);
        for (var i = 0; i < ProgrammesPerMonth; i++)
        {
            var at = start.AddDays(Math.Floor(i * days / ProgrammesPerMonth)).AddHours(9 + random.Next(11));
            yield return Programme($"h-{month}-{i:D3}", at, random);
        }
    }

    private HistoricProgramme Programme(string id, DateTimeOffset at, Random random)
    {
        var series = (Series)Skewed(random, 5);
        var districts = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Districts[Skewed(random, Districts.Length)]).Distinct().ToImmutableArray();
        var past = at.AddHours(1) < now;
        var state = past ? ProgrammeState.Archived : ProgrammeState.Scheduled;
        var title = $"{SeriesCatalog.ChineseName(series)}：{Topics[random.Next(Topics.Length)]}与{Topics[random.Next(Topics.Length)]}";
        var summary = new ProgrammeSummary(id, series, SeriesCatalog.KindOf(series), title, at, at.AddHours(1), state, districts, past ? 4 : 1);
        if (!past)
            return new HistoricProgramme(summary, null, []);

        var departments = Enumerable.Range(0, 2).Select(_ => DeskCatalogue.Departments[Skewed(random, DeskCatalogue.Departments.Count)]).Distinct().ToList();
        var answered = Enumerable.Range(0, AnsweredPerProgramme).Select(_ => Question(random, districts[0])).ToImmutableArray();
        var recording = new Recording(id, "job" + id.GetHashCode(StringComparison.Ordinal).ToString("x8"), summary.Kind == ProgrammeKind.Radio ? MediaKind.Radio : MediaKind.Video,
            "master.m3u8", "download.mp4", "poster.jpg", "storyboard.vtt", 3600, [], at.AddHours(3));
        var entry = new ArchiveEntry(summary, recording, [.. departments.Select(d => d.Name)], answered);
        var cases = Enumerable.Range(0, 3 + random.Next(6)).Select(n => Case(random, summary, n, departments[n % departments.Count].Code)).ToImmutableArray();
        return new HistoricProgramme(summary, entry, cases);
    }

    private string Question(Random random, string district) =>
        $"{Places[random.Next(Places.Length)]}居民（{district}）问：{Topics[Skewed(random, Topics.Length)]}{Asks[random.Next(Asks.Length)]}第{random.Next(1, 999)}号";

    private FollowUpCase Case(Random random, ProgrammeSummary programme, int n, string department)
    {
        var opened = programme.ScheduledEnd;
        var deadline = opened.AddDays(7);
        var recent = now - opened < TimeSpan.FromDays(60);
        var answered = !recent || random.Next(10) < 4 ? opened.AddDays(1 + random.Next(6)) : (DateTimeOffset?)null;
        if (answered > now)
            answered = null;
        var caseId = FollowUpInfo.CaseIdOf(programme.Id, 1000 + n);
        var info = new FollowUpInfo(caseId, department, opened, deadline, answered is null && deadline < now, answered is null ? null : "已按政策办理，详见答复。",
            answered is null ? null : "办公室", answered);
        return new FollowUpCase(caseId, programme.Id, 1000 + n, Question(random, programme.Districts[0]), null, null, programme.Districts[0], null, info,
            answered is null ? 1 : 2, programme.Title);
    }

    /// <summary>Zipf-like: index 0 is picked most often, the tail rarely.</summary>
    private static int Skewed(Random random, int count)
    {
        var total = 0.0;
        for (var i = 1; i <= count; i++)
            total += 1.0 / i;
        var pick = random.NextDouble() * total;
        for (var i = 1; i <= count; i++)
        {
            pick -= 1.0 / i;
            if (pick <= 0)
                return i - 1;
        }
        return count - 1;
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Realtime.Contracts.Districts;
using Realtime.Contracts.Programmes;
using Realtime.Contracts.Questions;
using Realtime.Contracts.Reports;

namespace Realtime.LiveApi.Apis;

/// <summary>Monthly reports (月报) read from the counters the grains keep; their cost does not grow with the questions.</summary>
public static partial class ReportsApi
{
    public sealed record ReportRow(string Key, string Name, StatsCounters Counters, double? Satisfaction);

    public sealed record ReasonCount(string Reason, int Count);

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").WithTags("Reports");
        api.MapGet("/{month}", Report).WithSummary("月报：按区县 / 部门 / 节目（by=district|department|programme）");
        api.MapGet("/{month}/csv", Csv).WithSummary("月报 CSV 导出");
        api.MapGet("/{month}/rejections", Rejections).WithSummary("未通过问题按理由统计（公开透明）");
        return app;
    }

    [GeneratedRegex("^20[0-9]{2}-(0[1-9]|1[0-2])$")]
    private static partial Regex MonthPattern();

    public static async Task<ReportRow[]?> Rows(string month, string by, IGrainFactory grains)
    {
        IEnumerable<(string Key, string Name, string StatsKey)> scopes;
        switch (by)
        {
            case "district":
                var codes = await grains.GetGrain<ICityGrain>(ICityGrain.Shenyang).ListDistricts();
                var districts = await Task.WhenAll(codes.Select(c => grains.GetGrain<IDistrictGrain>(c).Get()));
                scopes = districts.OfType<DistrictInfo>().Select(d => (d.Code, d.Name, StatsKeys.District(d.Code, month)));
                break;
            case "department":
                scopes = DeskCatalogue.Departments.Select(d => (d.Code, d.Name, StatsKeys.Department(d.Code, month)));
                break;
            case "programme":
                var programmes = await grains.GetGrain<IProgrammeCatalogGrain>(IProgrammeCatalogGrain.All).List();
                scopes = programmes.Where(p => StatsKeys.Month(p.ScheduledStart) == month).Select(p => (p.Id, p.Title, StatsKeys.Programme(p.Id)));
                break;
            default:
                return null;
        }
        return await Task.WhenAll(scopes.Select(async s =>
        {
            var counters = await grains.GetGrain<IStatsGrain>(s.StatsKey).Get();
            return new ReportRow(s.Key, s.Name, counters, counters.Satisfaction);
        }));
    }

    private static async Task<Results<Ok<ReportRow[]>, ProblemHttpResult>> Report(string month, IGrainFactory grains, string by = "district")
    {
        if (!MonthPattern().IsMatch(month))
            return ResultMapping.BadField("month", "月份格式应为 yyyy-MM，例如 2026-11。");
        var rows = await Rows(month, by, grains);
        return rows is null ? ResultMapping.BadField("by", "by 应为 district、department 或 programme。") : TypedResults.Ok(rows);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Csv(string month, IGrainFactory grains, string by = "district")
    {
        if (!MonthPattern().IsMatch(month))
            return ResultMapping.BadField("month", "月份格式应为 yyyy-MM，例如 2026-11。");
        var rows = await Rows(month, by, grains);
        if (rows is null)
            return ResultMapping.BadField("by", "by 应为 district、department 或 programme。");

        using var text = new StringWriter(CultureInfo.InvariantCulture);
        // A programme title such as "=HYPERLINK(…)" must open as text in a spreadsheet, not run as a formula.
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteHeader(CsvColumns);
            foreach (var row in rows)
            {
                var c = row.Counters;
                csv.WriteRecord(new[] { month, row.Key, row.Name }.Concat(new[] { c.Received, c.Approved, c.AnsweredOnAir, c.FollowedUp,
                    c.FollowUpAnswered, c.Overdue, c.Rejected, c.Ratings }.Select(n => n.ToString(CultureInfo.InvariantCulture)))
                    .Append(row.Satisfaction?.ToString("0.00", CultureInfo.InvariantCulture) ?? "").ToArray());
            }
        }
        // UTF-8 with a byte-order mark so spreadsheet programs show the Chinese names correctly.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"report-{by}-{month}.csv");
    }

    public static readonly string[] CsvColumns =
        ["month", "key", "name", "received", "approved", "answered_on_air", "followed_up", "follow_up_answered", "overdue", "rejected", "ratings", "satisfaction"];

    private static async Task<Results<Ok<ReasonCount[]>, ProblemHttpResult>> Rejections(string month, IGrainFactory grains)
    {
        if (!MonthPattern().IsMatch(month))
            return ResultMapping.BadField("month", "月份格式应为 yyyy-MM，例如 2026-11。");
        var rows = await Rows(month, "district", grains);
        var totals = rows!.Append(new ReportRow("unknown", "", await grains.GetGrain<IStatsGrain>(StatsKeys.District("unknown", month)).Get(), null))
            .SelectMany(r => r.Counters.RejectedByReason)
            .GroupBy(kv => kv.Key)
            .Select(g => new ReasonCount(g.Key, g.Sum(kv => kv.Value)))
            .OrderByDescending(r => r.Count)
            .ToArray();
        return TypedResults.Ok(totals);
    }
}

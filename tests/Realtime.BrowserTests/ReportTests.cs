using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Realtime.BrowserTests.Infrastructure;
using Realtime.Testing;
using static Microsoft.Playwright.Assertions;

namespace Realtime.BrowserTests;

/// <summary>
/// 月报 with known numbers: questions in 辽中区 to 林业局 (a district and a department no other browser test uses), then
/// the report page's table, chart and CSV, the district's page and the transparency page all show those numbers.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportTests(BrowserFixture fixture)
{
    private const string District = "210115"; // 辽中区
    private const string Department = "forestry"; // 沈阳市林业局
    private const string Reason = "涉及个人隐私"; // a configured reason only this test gives
    private const string FreeText = "提到了某某村会计的名字和电话，不宜播出"; // a screener's own words: internal, public as "其他"
    private static readonly string[] Communities = ["210115001001", "210115001002", "210115001003"];

    // received 6, approved 3, answered on air 2, followed up 1, answered in writing 0, overdue 0, rejected 2, ratings 2 by
    // the askers (5 + 3)
    private static readonly string[] Expected = ["6", "3", "2", "1", "0", "0", "2", "2", "4.00"];

    [Fact]
    public async Task Reports_KnownNumbersInLiaozhong_TableChartCsvDistrictPageAndTransparencyAgree()
    {
        await MakeKnownNumbersAsync();
        var month = await ReportedMonthAsync();

        await using var visitor = await fixture.OpenAsync(Viewport.Desktop);
        var page = visitor.Page;
        await visitor.GotoAsync("/reports.html", waitForConnection: false);
        await Expect(page.Locator("#month")).ToHaveValueAsync(month);
        await Expect(page.Locator("#table-heading")).ToHaveTextAsync($"{int.Parse(month[..4], CultureInfo.InvariantCulture)}年{int.Parse(month[5..], CultureInfo.InvariantCulture)}月按区县统计");
        var row = page.Locator($"#table tr[data-key='{District}']");
        await Expect(row.Locator("th")).ToHaveTextAsync("辽中区");
        await Expect(row.Locator("td")).ToHaveTextAsync(Expected);

        // The chart is drawn from the same numbers: 辽中区's bars are received 6, answered 2, followed up 1, rejected 2.
        var bars = await page.EvaluateAsync<int[]>("""
            () => {
              const chart = Chart.getChart(document.getElementById('chart-questions'));
              const i = chart.data.labels.indexOf('辽中区');
              return chart.data.datasets.map(d => d.data[i]);
            }
            """);
        Assert.Equal([6, 2, 1, 2], bars);
        var painted = await page.EvaluateAsync<int>("""
            () => {
              const canvas = document.getElementById('chart-questions');
              const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
              let n = 0;
              for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) n++;
              return n;
            }
            """);
        Assert.True(painted > 1000, $"the chart canvas has only {painted} painted pixels");

        // The CSV download has the same row.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "下载 CSV" }).ClickAsync());
        Assert.Equal($"report-district-{month}.csv", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines[0].Split(',');
        var csv = lines.Select(l => l.Split(',')).Single(f => f[Array.IndexOf(header, "key")] == District);
        string Field(string name) => csv[Array.IndexOf(header, name)];
        Assert.Equal(("辽中区", month), (Field("name"), Field("month")));
        Assert.Equal(Expected, new[] { "received", "approved", "answered_on_air", "followed_up", "follow_up_answered", "overdue", "rejected", "ratings", "satisfaction" }.Select(Field));

        // By department: 林业局 has all six questions; the address keeps the choice.
        await page.GetByText("部门", new() { Exact = true }).ClickAsync();
        await Expect(page.Locator($"#table tr[data-key='{Department}'] td")).ToHaveTextAsync(Expected);
        Assert.Contains("by=department", page.Url);
        visitor.AssertNoScriptErrors();

        // The district's own page.
        await using var resident = await fixture.OpenAsync(Viewport.Phone);
        await resident.GotoAsync($"/district.html?code={District}");
        await Expect(resident.Page.Locator("#district-name")).ToHaveTextAsync("辽中区");
        await Expect(resident.Page.Locator("[data-counter=received] .value")).ToHaveTextAsync("6");
        await Expect(resident.Page.Locator("[data-counter=answeredOnAir] .value")).ToHaveTextAsync("2");
        await Expect(resident.Page.Locator("[data-counter=satisfaction] .value")).ToHaveTextAsync("4.00");
        await Expect(resident.Page.Locator("#reasons")).ToContainTextAsync($"{Reason}：1");
        await Expect(resident.Page.Locator("#reasons")).ToContainTextAsync("其他：1");
        await Expect(resident.Page.Locator("#reasons")).Not.ToContainTextAsync("会计");
        await Expect(resident.Page.Locator("#programmes li.card", new() { HasText = "农业局长谈土地承包与农机具补贴" })).ToBeVisibleAsync();
        resident.AssertNoScriptErrors();

        // The transparency page counts the rejections by reason (this reason is given by this test only).
        await using var citizen = await fixture.OpenAsync(Viewport.Phone);
        await citizen.GotoAsync("/transparency.html", waitForConnection: false);
        var reasonRow = citizen.Page.Locator($"#table tr[data-reason='{Reason}']");
        await Expect(reasonRow.Locator("td").First).ToHaveTextAsync("1");
        await Expect(citizen.Page.Locator("#table")).Not.ToContainTextAsync("会计");
        var reasons = await citizen.Page.EvaluateAsync<string[]>("() => Chart.getChart(document.getElementById('chart-reasons')).data.labels");
        Assert.Contains(Reason, reasons);
        citizen.AssertNoScriptErrors();
    }

    /// <summary>One programme in 辽中区 whose every question goes to 林业局, with outcomes of every kind.</summary>
    private async Task MakeKnownNumbersAsync()
    {
        using var backstage = await Backstage.SignInAsync(fixture.Api);
        var id = await backstage.LiveProgrammeAsync("辽中区林权改革与退耕还林政策", [District], "DirectorInterview");
        async Task<long> Ask(int n, string text) => await backstage.SubmitAsNewViewerAsync(id, text, Communities[n % 3], null, null, Department);
        var answered1 = await Ask(0, "集体林权证丢了怎么补办？");
        var answered2 = await Ask(1, "退耕还林补贴今年的标准是多少？");
        var followUp = await Ask(2, "林下经济种植有没有扶持资金？");
        var rejected1 = await Ask(0, "我家邻居砍了自家院里的树，能举报他吗？他叫某某某");
        var rejected2 = await Ask(1, "某某村会计私下卖树，电话是多少多少");
        await Ask(2, "还在审核中的问题：护林员招聘什么时候开始？");

        foreach (var q in new[] { answered1, answered2, followUp })
            await backstage.ModerateAsync(id, new { type = "approve", questionId = q });
        foreach (var q in new[] { answered1, answered2 })
        {
            await backstage.ModerateAsync(id, new { type = "on-air", questionId = q });
            await backstage.ModerateAsync(id, new { type = "answered", questionId = q });
        }
        await backstage.ModerateAsync(id, new { type = "reject", questionId = rejected1, reason = Reason });
        await backstage.ModerateAsync(id, new { type = "reject", questionId = rejected2, reason = FreeText });
        await backstage.RateAsAskerAsync(id, answered1, 5, "讲得清楚");
        await backstage.RateAsAskerAsync(id, answered2, 3);
        await backstage.EndAsync(id);
    }

    /// <summary>The counters are fed by events: waits until the API has all of them (then the page is opened once).</summary>
    private async Task<string> ReportedMonthAsync()
    {
        using var http = fixture.Api.CreateClient();
        var month = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await Eventually.Until(
            async () => (await http.GetFromJsonAsync<JsonElement[]>($"/api/reports/{month}?by=district"))!.Single(r => r.GetProperty("key").GetString() == District),
            row => row.GetProperty("counters").GetProperty("ratings").GetInt32() == 2 && row.GetProperty("counters").GetProperty("followedUp").GetInt32() == 1,
            "辽中区's counters in the monthly report");
        return month;
    }
}

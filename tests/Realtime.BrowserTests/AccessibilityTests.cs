using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Realtime.BrowserTests.Infrastructure;
using Realtime.Testing;
using static Microsoft.Playwright.Assertions;

namespace Realtime.BrowserTests;

/// <summary>
/// axe-core on every page and its key states (GB/T 37668-2019 follows WCAG 2.x): no serious or critical violation. Each
/// check keeps its report under TestResults/accessibility. Programmes whose state matters are made by each test.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    private const string District = "210104"; // 大东区
    private const string Community = "210104001001";

    [Fact]
    public async Task ViewerPages_LandingProgrammeAndDisplayWithALiveDesk_HaveNoSeriousViolations()
    {
        using var backstage = await Backstage.SignInAsync(fixture.Api);
        var programmeId = await LiveDeskAsync(backstage, "大东区无障碍检查：社区养老服务问答");

        await using (var visitor = await fixture.OpenAsync(Viewport.Phone))
        {
            await visitor.GotoAsync("/");
            await Expect(visitor.Page.Locator($"#live [data-programme='{programmeId}']")).ToBeVisibleAsync();
            await visitor.AssertAccessibleAsync("landing");
        }

        await using (var viewer = await fixture.OpenAsync(Viewport.Phone))
        {
            await viewer.GotoAsync($"/programme.html?id={programmeId}");
            await viewer.Page.Locator("#q-text").FillAsync("大东区的社区食堂周末营业吗？");
            await viewer.Page.Locator("#q-community").SelectOptionAsync(Community);
            await viewer.Page.Locator("#ask-submit").ClickAsync();
            await Expect(viewer.Page.Locator("#mine li.question .badge")).ToHaveTextAsync("待审核");
            await Expect(viewer.Page.Locator("#on-air .stage-text")).ToBeVisibleAsync();
            await Expect(viewer.Page.Locator("#queue li.question").First).ToBeVisibleAsync();
            await viewer.AssertAccessibleAsync("programme-live");
        }

        foreach (var viewport in new[] { Viewport.Phone, Viewport.Desktop })
        {
            await using var screen = await fixture.OpenAsync(viewport);
            await screen.GotoAsync($"/display.html?community={Community}");
            await Expect(screen.Page.Locator($".live-programme[data-programme='{programmeId}'] .on-air-text")).ToBeVisibleAsync();
            await Expect(screen.Page.Locator($".live-programme[data-programme='{programmeId}'] .next-line")).ToBeVisibleAsync();
            await screen.AssertAccessibleAsync("display", enhancedContrast: true);
        }
    }

    [Fact]
    public async Task ConsolePage_AsScreenerAndAsHost_HasNoSeriousViolations()
    {
        using var backstage = await Backstage.SignInAsync(fixture.Api);
        var programmeId = await LiveDeskAsync(backstage, "大东区无障碍检查：导播台");

        foreach (var role in new[] { "screener", "host" })
        {
            await using var staff = await fixture.OpenAsync(Viewport.Desktop);
            await staff.GotoAsync($"/console.html?id={programmeId}", waitForConnection: false);
            await staff.AssertAccessibleAsync("console-signin");
            await staff.SignInAsync(role);
            await staff.ExpectConnectedAsync();
            await Expect(staff.Page.Locator("#pending li.q").First).ToBeVisibleAsync();
            await Expect(staff.Page.Locator("#onair li.q.on-air")).ToBeVisibleAsync();
            await Expect(staff.Page.Locator("#host-controls")).ToBeVisibleAsync(new() { Visible = role == "host" });
            await staff.AssertAccessibleAsync("console-" + role);
        }
    }

    [Fact]
    public async Task ArchivePages_ListAndPlayer_HaveNoSeriousViolations()
    {
        var published = await fixture.PublishedRecordingAsync();
        await using var visitor = await fixture.OpenAsync(Viewport.Phone);
        var page = visitor.Page;

        await visitor.GotoAsync("/archive.html", waitForConnection: false);
        await Expect(page.Locator($"#results [data-programme='{published.ProgrammeId}']")).ToBeVisibleAsync();
        await visitor.AssertAccessibleAsync("archive");

        await visitor.GotoAsync($"/archive.html?id={published.ProgrammeId}", waitForConnection: false);
        await Expect(page.Locator("#chapters li").First).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('media').readyState >= 1");
        await visitor.AssertAccessibleAsync("archive-player");
    }

    [Fact]
    public async Task Replay_CaptionTrack_HoldsEachOnAirQuestionAtItsTime()
    {
        var published = await fixture.PublishedRecordingAsync();
        using var http = fixture.Api.CreateClient();
        var response = await http.GetAsync($"/api/archive/{published.ProgrammeId}/captions.vtt");
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/vtt", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("WEBVTT", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The replay player loads the track; at each chapter's time the cue showing is that question.
        await using var visitor = await fixture.OpenAsync(Viewport.Desktop);
        await visitor.GotoAsync($"/archive.html?id={published.ProgrammeId}", waitForConnection: false);
        await Expect(visitor.Page.Locator("#media track[kind=captions]")).ToHaveAttributeAsync("label", "现场问题字幕");
        await visitor.Page.WaitForFunctionAsync("() => document.getElementById('media').textTracks[0]?.cues?.length === 2");
        foreach (var chapter in published.Chapters)
        {
            var text = await visitor.Page.EvaluateAsync<string>(
                "t => [...document.getElementById('media').textTracks[0].cues].filter((c) => c.startTime <= t + 0.01 && t < c.endTime).map((c) => c.text).join('|')",
                chapter.OnAirSeconds + 0.5);
            Assert.Equal($"正在解答：{chapter.Text}\n（沈阳市农业局解答）", text);
        }
        visitor.AssertNoScriptErrors();
    }

    [Fact]
    public async Task FollowUpAndDepartmentPages_HaveNoSeriousViolations()
    {
        using var backstage = await Backstage.SignInAsync(fixture.Api);
        var (programmeId, caseId) = await AnsweredFollowUpAsync(fixture, backstage, "大东区无障碍检查：转办答复");

        await using (var visitor = await fixture.OpenAsync(Viewport.Phone))
        {
            await visitor.GotoAsync($"/followup.html?case={caseId}", waitForConnection: false);
            await Expect(visitor.Page.Locator("#case .answer-text")).ToBeVisibleAsync();
            await visitor.AssertAccessibleAsync("followup");

            await visitor.GotoAsync($"/followup.html?programme={programmeId}", waitForConnection: false);
            await Expect(visitor.Page.Locator("#cases li.case").First).ToBeVisibleAsync();
            await visitor.AssertAccessibleAsync("followups");
        }

        await using var department = await fixture.OpenAsync(Viewport.Phone);
        await department.GotoAsync("/department.html", waitForConnection: false);
        await department.AssertAccessibleAsync("department-signin");
        await department.SignInAsync("minzheng");
        await Expect(department.Page.Locator("#open-cases li.case").First).ToBeVisibleAsync();
        await Expect(department.Page.Locator("#answered-cases li.case").First).ToBeVisibleAsync();
        await department.AssertAccessibleAsync("department");
    }

    [Fact]
    public async Task ReportPages_ReportsDistrictAndTransparency_HaveNoSeriousViolations()
    {
        using var backstage = await Backstage.SignInAsync(fixture.Api);
        await AnsweredFollowUpAsync(fixture, backstage, "大东区无障碍检查：月报");
        await using var visitor = await fixture.OpenAsync(Viewport.Phone);
        var page = visitor.Page;

        await visitor.GotoAsync("/reports.html", waitForConnection: false);
        await Expect(page.Locator($"#table tr[data-key='{District}'] th")).ToHaveTextAsync("大东区");
        await visitor.AssertAccessibleAsync("reports");

        await visitor.GotoAsync("/transparency.html", waitForConnection: false);
        await Expect(page.Locator("#table tbody tr").First).ToBeVisibleAsync();
        await visitor.AssertAccessibleAsync("transparency");

        await visitor.GotoAsync($"/district.html?code={District}");
        await Expect(page.Locator("[data-counter=received] .value")).Not.ToHaveTextAsync("0");
        await visitor.AssertAccessibleAsync("district");
    }

    [Fact]
    public async Task AdminPage_SignedIn_HasNoSeriousViolations()
    {
        await using var admin = await fixture.OpenAsync(Viewport.Desktop);
        await admin.GotoAsync("/admin.html", waitForConnection: false);
        await admin.AssertAccessibleAsync("admin-signin");
        await admin.SignInAsync("admin");
        await admin.ExpectConnectedAsync();
        await Expect(admin.Page.Locator("#programme-list li").First).ToBeVisibleAsync();
        await admin.AssertAccessibleAsync("admin");
    }

    /// <summary>A live programme of 大东区 with a question answered, one on air, one next, one queued and one pending.</summary>
    internal static async Task<string> LiveDeskAsync(Backstage backstage, string title)
    {
        var id = await backstage.LiveProgrammeAsync(title, [District]);
        var answered = await backstage.SubmitAsNewViewerAsync(id, "老旧小区加装电梯的补贴标准是多少？", Community, "东站居民", "养老", "civil-affairs");
        var onAir = await backstage.SubmitAsNewViewerAsync(id, "社区日间照料中心能提供送餐服务吗？", Community, null, "养老", "civil-affairs");
        var next = await backstage.SubmitAsNewViewerAsync(id, "高龄津贴需要每年认证吗？", Community);
        var queued = await backstage.SubmitAsNewViewerAsync(id, "居家养老服务补贴怎么申请？", Community);
        await backstage.SubmitAsNewViewerAsync(id, "独居老人能申请紧急呼叫设备吗？", Community);
        foreach (var q in new[] { answered, onAir, next, queued })
            await backstage.ModerateAsync(id, new { type = "approve", questionId = q });
        await backstage.ModerateAsync(id, new { type = "on-air", questionId = answered });
        await backstage.ModerateAsync(id, new { type = "answered", questionId = answered });
        await backstage.ModerateAsync(id, new { type = "on-air", questionId = onAir });
        await backstage.ModerateAsync(id, new { type = "next", questionId = next });
        return id;
    }

    /// <summary>A programme of 大东区 ended with one follow-up answered by 民政局 (and rated) and one still open.</summary>
    internal static async Task<(string Programme, string Case)> AnsweredFollowUpAsync(BrowserFixture fixture, Backstage backstage, string title)
    {
        var id = await backstage.LiveProgrammeAsync(title, [District], "CommunityForum");
        var answered = await backstage.SubmitAsNewViewerAsync(id, "大东区有没有针对失能老人的上门护理服务？", Community, "大东居民", "养老", "civil-affairs");
        var open = await backstage.SubmitAsNewViewerAsync(id, "低保复核多久一次？需要本人到场吗？", Community, null, "低保", "civil-affairs");
        var rejected = await backstage.SubmitAsNewViewerAsync(id, "楼下饭店太吵了", Community);
        foreach (var q in new[] { answered, open })
            await backstage.ModerateAsync(id, new { type = "approve", questionId = q });
        await backstage.ModerateAsync(id, new { type = "reject", questionId = rejected, reason = "与本期节目主题无关" });
        await backstage.EndAsync(id);

        var caseId = $"{id}.{answered}";
        using var minzheng = await fixture.Api.AsAsync("minzheng");
        await Eventually.Until(async () => (await minzheng.GetAsync($"/api/followups/{caseId}")).IsSuccessStatusCode, ok => ok, "the follow-up case");
        await (await minzheng.PostAsJsonAsync($"/api/followups/{caseId}/answer", new
        {
            text = "大东区已开通失能老人上门护理服务，每周两次，由社区卫生服务中心提供，请到街道民政办登记。",
        })).ReadAsync<JsonElement>();
        await backstage.RateAsAskerAsync(id, answered, 4);
        return (id, caseId);
    }
}

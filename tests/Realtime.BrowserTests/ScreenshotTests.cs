using System.Net.Http.Json;
using Microsoft.Playwright;
using Realtime.BrowserTests.Infrastructure;
using Realtime.Testing;
using static Microsoft.Playwright.Assertions;

namespace Realtime.BrowserTests;

/// <summary>
/// Every page at phone and desktop width with a realistic desk (the demo programme 《民生面对面》 with questions in
/// every state), saved as screenshots; at 360 px nothing may stick out sideways.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserFixture fixture)
{
    private const string Programme = "demo-minsheng-live";
    private const string Community = "210102001001"; // 南湖社区, 和平区

    [Fact]
    public async Task Pages_AtPhoneAndDesktopWidth_FitTheScreenAndAreSaved()
    {
        using var backstage = await Backstage.SignInAsync(fixture.Api);
        var recording = fixture.PublishedRecordingAsync(); // the admin page shows its transcoding job
        await FillDeskAsync(backstage);
        await recording;

        foreach (var viewport in new[] { Viewport.Phone, Viewport.Desktop })
        {
            await using (var visitor = await fixture.OpenAsync(viewport))
            {
                await visitor.GotoAsync("/");
                await Expect(visitor.Page.Locator("#live li.card").First).ToBeVisibleAsync();
                await Expect(visitor.Page.Locator($"#live [data-programme='{Programme}']")).ToContainTextAsync("聚焦养老服务与医保报销");
                await SaveAsync(visitor, "landing");
            }

            await using (var viewer = await fixture.OpenAsync(viewport))
            {
                await viewer.GotoAsync($"/programme.html?id={Programme}");
                await AskAsync(viewer, viewport == Viewport.Phone
                    ? "南湖社区的老年食堂什么时候开业？行动不便的老人能否送餐上门？"
                    : "子女在外地工作，父母的养老金资格认证可以在手机上远程办理吗？");
                await Expect(viewer.Page.Locator("#on-air .stage-text")).ToContainTextAsync("居家养老服务补贴");
                await Expect(viewer.Page.Locator("#queue li.question").First).ToBeVisibleAsync();
                await viewer.Page.EvaluateAsync("() => window.scrollTo(0, 0)");
                await SaveAsync(viewer, "programme");
            }

            foreach (var role in new[] { "screener", "host" })
            {
                await using var staff = await fixture.OpenAsync(viewport);
                await staff.GotoAsync($"/console.html?id={Programme}", waitForConnection: false);
                await staff.SignInAsync(role);
                await staff.ExpectConnectedAsync();
                await Expect(staff.Page.Locator("#pending li.q.held")).ToBeVisibleAsync();
                await Expect(staff.Page.Locator("#approved li.q.is-next")).ToBeVisibleAsync();
                await Expect(staff.Page.Locator("#onair li.q.on-air")).ToBeVisibleAsync();
                await Expect(staff.Page.Locator("#host-controls")).ToBeVisibleAsync(new() { Visible = role == "host" });
                await SaveAsync(staff, "console-" + role);
            }

            await using (var screen = await fixture.OpenAsync(viewport))
            {
                await screen.GotoAsync($"/display.html?community={Community}");
                await Expect(screen.Page.Locator("#place-name")).ToHaveTextAsync("南湖社区");
                await Expect(screen.Page.Locator($".live-programme[data-programme='{Programme}'] .on-air-text")).ToContainTextAsync("居家养老服务补贴");
                await SaveAsync(screen, "display");
            }

            await using (var admin = await fixture.OpenAsync(viewport))
            {
                await admin.GotoAsync("/admin.html", waitForConnection: false);
                await admin.SignInAsync("admin");
                await admin.ExpectConnectedAsync();
                await Expect(admin.Page.Locator($"#programme-list [data-programme='{Programme}']")).ToBeVisibleAsync();
                await Expect(admin.Page.GetByRole(AriaRole.Heading, new() { Name = "录像上传与转码" })).ToBeVisibleAsync();
                await Expect(admin.Page.Locator("#jobs li.job[data-state=Succeeded]").First).ToBeVisibleAsync();
                await SaveAsync(admin, "admin");
            }
        }
    }

    [Fact]
    public async Task FollowUpArchiveAndReportPages_AtPhoneAndDesktopWidth_FitTheScreenAndAreSaved()
    {
        using var backstage = await Backstage.SignInAsync(fixture.Api);
        var recording = fixture.PublishedRecordingAsync();
        var (programme, answeredCase) = await FollowUpsAsync(backstage);
        var published = await recording;

        foreach (var viewport in new[] { Viewport.Phone, Viewport.Desktop })
        {
            await using (var visitor = await fixture.OpenAsync(viewport))
            {
                var page = visitor.Page;
                await visitor.GotoAsync("/reports.html", waitForConnection: false);
                await Expect(page.Locator("#table tr[data-key='210105'] th")).ToHaveTextAsync("皇姑区");
                await Expect(page.Locator("#chart-questions")).ToHaveAttributeAsync("role", "img");
                await SaveAsync(visitor, "reports");

                await visitor.GotoAsync("/transparency.html", waitForConnection: false);
                await Expect(page.Locator("#table tbody tr").First).ToBeVisibleAsync();
                await SaveAsync(visitor, "transparency");

                await visitor.GotoAsync("/district.html?code=210105");
                await Expect(page.Locator("[data-counter=received] .value")).Not.ToHaveTextAsync("0");
                await SaveAsync(visitor, "district");

                await visitor.GotoAsync("/archive.html", waitForConnection: false);
                await Expect(page.Locator($"#results [data-programme='{published.ProgrammeId}'] img.poster")).ToBeVisibleAsync();
                await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#results img.poster')].every(i => i.complete)");
                await SaveAsync(visitor, "archive");

                await visitor.GotoAsync($"/archive.html?id={published.ProgrammeId}", waitForConnection: false);
                await Expect(page.Locator("#quality option")).ToHaveCountAsync(2);
                await Expect(page.Locator("#chapters .thumb").First).ToBeVisibleAsync();
                await page.WaitForFunctionAsync("() => document.getElementById('media').readyState >= 2");
                await SaveAsync(visitor, "archive-player");

                await visitor.GotoAsync($"/followup.html?case={answeredCase}", waitForConnection: false);
                await Expect(page.Locator("#case .answer-text")).ToBeVisibleAsync();
                await SaveAsync(visitor, "followup");

                await visitor.GotoAsync($"/followup.html?programme={programme}", waitForConnection: false);
                await Expect(page.Locator("#cases li.case")).ToHaveCountAsync(4);
                await SaveAsync(visitor, "followups");
            }

            await using (var department = await fixture.OpenAsync(viewport))
            {
                await department.GotoAsync("/department.html", waitForConnection: false);
                await department.SignInAsync("minzheng");
                await Expect(department.Page.Locator("#open-cases li.case").First).ToBeVisibleAsync();
                await Expect(department.Page.Locator("#answered-cases li.case").First).ToBeVisibleAsync();
                await department.Page.Locator("#open-cases li.case textarea").First.FillAsync("经核实，该社区日间照料中心将于下月起延长服务时间至晚上七点，");
                await department.Page.EvaluateAsync("() => window.scrollTo(0, 0)");
                await SaveAsync(department, "department");
            }
        }
    }

    /// <summary>A programme of 皇姑区 ended with four follow-ups: answered in writing (and rated), open, overdue-free, another department's.</summary>
    private async Task<(string Programme, string AnsweredCase)> FollowUpsAsync(Backstage backstage)
    {
        var id = await backstage.LiveProgrammeAsync("皇姑区养老服务与社会救助政策问答", ["210105"], "CommunityForum");
        var answered = await backstage.SubmitAsNewViewerAsync(id, "华山社区日间照料中心周末开门吗？子女上班时老人能全天托管吗？", "210105001001", "华山居民", "养老", "civil-affairs");
        var open = await backstage.SubmitAsNewViewerAsync(id, "低保家庭的孩子上大学，有没有一次性救助？怎么申请？", "210105001002", null, "低保", "civil-affairs");
        var elderly = await backstage.SubmitAsNewViewerAsync(id, "80岁以上老人的高龄津贴每月多少钱？是自动发放吗？", "210105001003", "北陵老张", "养老", "civil-affairs");
        var jobs = await backstage.SubmitAsNewViewerAsync(id, "社区有没有公益性岗位招聘？大龄失业人员能报名吗？", "210105001001", null, "再就业", "labour");
        var onAir = await backstage.SubmitAsNewViewerAsync(id, "三台子社区的助浴服务怎么预约？", "210105001003", null, "养老", "civil-affairs");
        var offTopic = await backstage.SubmitAsNewViewerAsync(id, "小区物业费太贵了", "210105001002", null, null, null);
        foreach (var q in new[] { answered, open, elderly, jobs, onAir })
            await backstage.ModerateAsync(id, new { type = "approve", questionId = q });
        // The transparency page lists questions not put through: this test makes its own rather than rely on others'.
        await backstage.ModerateAsync(id, new { type = "reject", questionId = offTopic, reason = "重复问题" });
        await backstage.ModerateAsync(id, new { type = "on-air", questionId = onAir });
        await backstage.ModerateAsync(id, new { type = "answered", questionId = onAir });
        await backstage.RateAsAskerAsync(id, onAir, 4);
        await backstage.EndAsync(id);

        var caseId = $"{id}.{answered}";
        using var minzheng = await fixture.Api.AsAsync("minzheng");
        await Eventually.Until(async () => (await minzheng.GetAsync($"/api/followups/{caseId}")).IsSuccessStatusCode, ok => ok, "the follow-up case");
        await (await minzheng.PostAsJsonAsync($"/api/followups/{caseId}/answer", new
        {
            text = "华山社区日间照料中心周六、周日正常开放（8:00–17:00）。子女上班期间可申请全天托管，每天收费30元，低保、特困老人免费。请到社区服务中心一楼登记，电话024-86123456。",
        })).ReadAsync<System.Text.Json.JsonElement>();
        await backstage.RateAsAskerAsync(id, answered, 5, "很详细");
        return (id, caseId);
    }

    /// <summary>Saves the screenshot, then checks the page also fits a 360 px phone without sideways scrolling.</summary>
    private static async Task SaveAsync(BrowserUser user, string name)
    {
        await user.ScreenshotAsync(name);
        if (user.Viewport == Viewport.Phone)
        {
            await user.Page.SetViewportSizeAsync(360, user.Viewport.Height);
            var overflow = await user.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{name} is {overflow} px wider than a 360 px screen");
        }
        user.AssertNoScriptErrors();
    }

    private static async Task AskAsync(BrowserUser viewer, string text)
    {
        await viewer.Page.Locator("#q-text").FillAsync(text);
        await viewer.Page.Locator("#q-community").SelectOptionAsync(Community);
        await viewer.Page.Locator("#q-topic").SelectOptionAsync("养老");
        await viewer.Page.Locator("#q-department").SelectOptionAsync("civil-affairs");
        await viewer.Page.Locator("#q-anonymous").UncheckAsync();
        await viewer.Page.Locator("#q-nickname").FillAsync("南湖居民");
        await viewer.Page.Locator("#ask-submit").ClickAsync();
        await Expect(viewer.Page.Locator("#mine li.question", new() { HasText = text }).Locator(".badge")).ToHaveTextAsync("待审核");
    }

    /// <summary>A desk in every state: answered, on air, next, queued (with votes and a host note), a phone-in, pending, held, rejected.</summary>
    private async Task FillDeskAsync(Backstage backstage)
    {
        var answered = await backstage.SubmitAsNewViewerAsync(Programme, "养老机构的床位运营补贴今年什么时候发放？标准有没有提高？", "210105001001", "皇姑区养老院", "养老", "civil-affairs");
        var onAir = await backstage.SubmitAsNewViewerAsync(Programme, "我母亲今年75岁，住在南湖社区，想申请居家养老服务补贴，需要准备哪些材料？到哪里办理？", Community, "张阿姨", "养老", "civil-affairs");
        var next = await backstage.SubmitAsNewViewerAsync(Programme, "异地就医备案以后，在外地住院的费用能直接结算吗？报销比例和本地一样吗？", "210103001002", null, "医保", "medical-insurance");
        var queued = await backstage.SubmitAsNewViewerAsync(Programme, "退休人员的医保个人账户划入标准今年有变化吗？", "210104001001", "老刘", "医保", "medical-insurance");
        await backstage.SubmitAsNewViewerAsync(Programme, "家里老人长期卧床失能，能不能申请长期护理保险？每月能报多少？", "210106001002", null, "医保", "medical-insurance");
        await backstage.SubmitAsNewViewerAsync(Programme, "有人说能帮忙办证，加微信就行，这是真的吗？", "210102001003", null, null, null);
        var offTopic = await backstage.SubmitAsNewViewerAsync(Programme, "小区门口的路灯坏了好几个月了，没人修", "210102001002", null, null, null);

        foreach (var id in new[] { answered, onAir, next, queued })
            await backstage.ModerateAsync(Programme, new { type = "approve", questionId = id });
        await backstage.ModerateAsync(Programme, new { type = "on-air", questionId = answered });
        await backstage.ModerateAsync(Programme, new { type = "answered", questionId = answered });
        await backstage.ModerateAsync(Programme, new { type = "on-air", questionId = onAir });
        await backstage.ModerateAsync(Programme, new { type = "next", questionId = next });
        await backstage.ModerateAsync(Programme, new { type = "note", questionId = next, note = "请医保局李副局长回答，来电者已等候较久" });
        await backstage.ModerateAsync(Programme, new { type = "reject", questionId = offTopic, reason = "与本期节目主题无关" });
        await backstage.ModerateAsync(Programme, new
        {
            type = "enter-call", requestId = Guid.NewGuid().ToString("N"), source = "Phone", callerName = "王先生",
            callerLocation = "铁西区兴华街道", text = "社区助餐点的收费标准是多少？低保户吃饭有没有优惠？",
            communityCode = "210106001001", topic = "低保", department = "civil-affairs",
        });
        for (var i = 0; i < 3; i++)
            await VoteAsNewViewerAsync(next);
        await VoteAsNewViewerAsync(queued);
    }

    private async Task VoteAsNewViewerAsync(long questionId)
    {
        using var http = fixture.Api.CreateClient();
        var issued = await (await http.PostAsync("/api/auth/viewer", null)).ReadAsync<System.Text.Json.JsonElement>();
        http.DefaultRequestHeaders.Authorization = new("Bearer", issued.GetProperty("accessToken").GetString());
        await (await http.PostAsJsonAsync($"/api/programmes/{Programme}/questions/{questionId}/votes", new { })).ReadAsync<System.Text.Json.JsonElement>();
    }
}

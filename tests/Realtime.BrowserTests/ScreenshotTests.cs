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
        await FillDeskAsync(backstage);

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
                await SaveAsync(admin, "admin");
            }
        }
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

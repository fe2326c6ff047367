using Microsoft.Playwright;
using Realtime.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Realtime.BrowserTests;

/// <summary>The studio console driven the way a host works under pressure: keyboard and drag, no mouse hunting.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleTests(BrowserFixture fixture)
{
    private const string Community = "210113001001"; // 道义社区, 沈北新区

    [Fact]
    public async Task Shortcuts_HostOnKeyboard_ApprovesReordersMarksNextPutsOnAirAndAnswers()
    {
        using var backstage = await Backstage.SignInAsync(fixture.Api);
        var programmeId = await backstage.LiveProgrammeAsync("沈北新区再就业服务直播", ["210113"], "DirectorInterview");
        const string first = "失业保险金领取期满后还能申请哪些就业补贴？";
        const string second = "灵活就业人员的社保补贴今年怎么申请？";
        await backstage.SubmitAsNewViewerAsync(programmeId, first, Community);
        await backstage.SubmitAsNewViewerAsync(programmeId, second, Community);

        await using var host = await fixture.OpenAsync(Viewport.Desktop);
        await host.GotoAsync($"/console.html?id={programmeId}", waitForConnection: false);
        await host.SignInAsync("host");
        await host.ExpectConnectedAsync();
        await Expect(host.Page.Locator("#shortcuts")).ToContainTextAsync("通过");
        var page = host.Page;

        // A approves the focused question; the keyboard stays in the pending column, on the next question.
        await page.Locator("#pending li.q", new() { HasText = first }).FocusAsync();
        await page.Keyboard.PressAsync("a");
        await Expect(page.Locator("#approved li.q", new() { HasText = first })).ToBeVisibleAsync();
        await Expect(page.Locator("#pending li.q", new() { HasText = second })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("a");
        await Expect(page.Locator("#approved li.q")).ToHaveCountAsync(2);

        // Shift+↑ moves the second question to the top of the queue; N marks it next; O puts it on air; D answers.
        var secondCard = page.Locator("#approved li.q", new() { HasText = second });
        await secondCard.FocusAsync();
        await page.Keyboard.PressAsync("Shift+ArrowUp");
        await Expect(page.Locator("#approved li.q").First).ToContainTextAsync(second);
        await Expect(secondCard).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("n");
        await Expect(secondCard).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-next"));
        await Expect(secondCard.Locator(".next-badge")).ToHaveTextAsync("下一个");
        await page.Keyboard.PressAsync("o");
        var onAir = page.Locator("#onair li.q", new() { HasText = second });
        await Expect(onAir).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("d");
        await Expect(page.Locator("#done li.q", new() { HasText = second }).Locator(".badge").First).ToHaveTextAsync("已解答");
        await Expect(page.Locator("#onair li.q")).ToHaveCountAsync(0);

        // R opens the reject form with the configured reasons; Enter confirms.
        var firstCard = page.Locator("#approved li.q", new() { HasText = first });
        await firstCard.FocusAsync();
        await page.Keyboard.PressAsync("r");
        var reason = firstCard.Locator("select");
        await Expect(reason).ToBeFocusedAsync();
        await reason.SelectOptionAsync("重复问题");
        await firstCard.GetByRole(AriaRole.Button, new() { Name = "拒绝", Exact = true }).ClickAsync();
        var rejected = page.Locator("#done li.q", new() { HasText = first });
        await Expect(rejected.Locator(".reason")).ToHaveTextAsync("原因：重复问题");
        await Expect(page.Locator("#log")).ToContainTextAsync("拒绝");
        host.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Open_NoProgrammeInAddress_ListsTheLiveProgrammesToChooseFrom()
    {
        await using var screener = await fixture.OpenAsync(Viewport.Phone);
        await screener.GotoAsync("/console.html", waitForConnection: false);
        await screener.SignInAsync("screener");
        var choice = screener.Page.GetByRole(AriaRole.Link, new() { Name = "聚焦养老服务与医保报销" });
        await choice.ClickAsync();
        await screener.ExpectConnectedAsync();
        await Expect(screener.Page.Locator("#console-title")).ToHaveTextAsync("导播台：聚焦养老服务与医保报销");
        screener.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Drag_HostDropsQuestionOnTop_QueueOrderChangesForOtherModerators()
    {
        using var backstage = await Backstage.SignInAsync(fixture.Api);
        var programmeId = await backstage.LiveProgrammeAsync("沈北新区教育政策咨询", ["210113"], "CommunityForum");
        string[] texts = ["小学入学的学区是怎么划分的？", "随迁子女在沈阳上学需要哪些证明？", "课后延时服务收费标准是多少？"];
        foreach (var text in texts)
        {
            var id = await backstage.SubmitAsNewViewerAsync(programmeId, text, Community);
            await backstage.ModerateAsync(programmeId, new { type = "approve", questionId = id });
        }

        await using var host = await fixture.OpenAsync(Viewport.Desktop);
        await using var screener = await fixture.OpenAsync(Viewport.Desktop);
        foreach (var (user, name) in new[] { (host, "host"), (screener, "screener") })
        {
            await user.GotoAsync($"/console.html?id={programmeId}", waitForConnection: false);
            await user.SignInAsync(name);
            await user.ExpectConnectedAsync();
            await Expect(user.Page.Locator("#approved li.q")).ToHaveCountAsync(3);
        }

        var last = host.Page.Locator("#approved li.q", new() { HasText = texts[2] });
        await last.Locator(".drag-handle").DragToAsync(host.Page.Locator("#approved li.q").First, new() { TargetPosition = new() { X = 20, Y = 4 } });

        await Expect(host.Page.Locator("#approved li.q").First).ToContainTextAsync(texts[2]);
        await Expect(screener.Page.Locator("#approved li.q").First).ToContainTextAsync(texts[2]);
        await Expect(screener.Page.Locator("#log")).ToContainTextAsync("调整顺序");
        host.AssertNoScriptErrors();
        screener.AssertNoScriptErrors();
    }
}

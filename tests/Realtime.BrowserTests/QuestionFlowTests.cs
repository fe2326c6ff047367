using Microsoft.Playwright;
using Realtime.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Realtime.BrowserTests;

/// <summary>A question's whole way through the pages, each person in their own browser, nobody reloading.</summary>
[Collection(BrowserCollection.Name)]
public sealed class QuestionFlowTests(BrowserFixture fixture)
{
    private const string Community = "210112001001"; // 五三社区, 浑南区

    [Fact]
    public async Task Submit_ScreenerApprovesHostPutsOnAir_ViewerBadgeAndCommunityDisplayFollowWithoutReload()
    {
        using var backstage = await Backstage.SignInAsync(fixture.Api);
        var programmeId = await backstage.LiveProgrammeAsync("浑南区供暖与物业服务专场", ["210112", "210111"]);
        const string text = "五三社区今年供暖温度一直不达标，物业说是热源厂的问题，应该找哪个部门反映？";

        await using var viewer = await fixture.OpenAsync(Viewport.Phone);
        await using var display = await fixture.OpenAsync(Viewport.Desktop);
        await using var screener = await fixture.OpenAsync(Viewport.Desktop);
        await using var host = await fixture.OpenAsync(Viewport.Desktop);

        // The viewer asks.
        await viewer.GotoAsync($"/programme.html?id={programmeId}");
        await viewer.MarkAsync("viewer");
        await viewer.Page.Locator("#q-text").FillAsync(text);
        await Expect(viewer.Page.Locator("#q-counter")).ToHaveTextAsync($"{text.Length}/{BrowserStack.MaxQuestionLength}");
        await viewer.Page.Locator("#q-community").SelectOptionAsync(Community);
        await viewer.Page.Locator("#q-topic").SelectOptionAsync("住房");
        await viewer.Page.Locator("#q-department").SelectOptionAsync("housing");
        await viewer.Page.GetByRole(AriaRole.Button, new() { Name = "提交问题" }).ClickAsync();
        var mine = viewer.Page.Locator("#mine li.question", new() { HasText = text });
        await Expect(mine.Locator(".badge")).ToHaveTextAsync("待审核");
        await Expect(viewer.Page.Locator("#ask-ok")).ToContainTextAsync("已提交");

        // The community display of a covered district shows the live programme, waiting for a question.
        await display.GotoAsync($"/display.html?community={Community}");
        await display.MarkAsync("display");
        var onDisplay = display.Page.Locator($".live-programme[data-programme='{programmeId}']");
        await Expect(onDisplay.Locator(".programme-name")).ToHaveTextAsync("浑南区供暖与物业服务专场");
        await Expect(onDisplay.Locator(".waiting-text")).ToBeVisibleAsync();

        // The screener approves; a screener's console has no on-air or ordering controls.
        await screener.GotoAsync($"/console.html?id={programmeId}", waitForConnection: false);
        await screener.SignInAsync("screener");
        await screener.ExpectConnectedAsync();
        await screener.MarkAsync("screener");
        await Expect(screener.Page.Locator("#host-controls")).ToBeHiddenAsync();
        var pending = screener.Page.Locator("#pending li.q", new() { HasText = text });
        await Expect(pending).ToBeVisibleAsync();
        await pending.Locator("[data-role=approve]").ClickAsync();
        var approvedForScreener = screener.Page.Locator("#approved li.q", new() { HasText = text });
        await Expect(approvedForScreener).ToBeVisibleAsync();
        await Expect(approvedForScreener.Locator("[data-role=onAir]")).ToHaveCountAsync(0);
        await Expect(screener.Page.Locator(".drag-handle")).ToHaveCountAsync(0);
        await Expect(viewer.Page.Locator("#mine li.question", new() { HasText = text }).Locator(".badge")).ToHaveTextAsync("已通过");
        await Expect(viewer.Page.Locator("#queue li.question", new() { HasText = text })).ToBeVisibleAsync();

        // The host sees it in the queue and puts it on air.
        await host.GotoAsync($"/console.html?id={programmeId}", waitForConnection: false);
        await host.SignInAsync("host");
        await host.ExpectConnectedAsync();
        await Expect(host.Page.Locator("#host-controls")).ToBeVisibleAsync();
        var approved = host.Page.Locator("#approved li.q", new() { HasText = text });
        await approved.Locator("[data-role=onAir]").ClickAsync();
        var onAir = host.Page.Locator("#onair li.q", new() { HasText = text });
        await Expect(onAir.Locator(".on-air-timer")).ToContainTextAsync("已播");

        // Everyone follows live.
        await Expect(viewer.Page.Locator("#mine li.question", new() { HasText = text }).Locator(".badge")).ToHaveTextAsync("正在解答");
        await Expect(viewer.Page.Locator("#on-air .stage-text")).ToHaveTextAsync(text);
        await Expect(onDisplay.Locator(".on-air-text")).ToHaveTextAsync(text);
        await Expect(onDisplay.Locator(".on-air-meta")).ToContainTextAsync("五三社区");
        await using (var districtScreen = await fixture.OpenAsync(Viewport.Desktop))
        {
            await districtScreen.GotoAsync("/display.html?district=210111");
            await Expect(districtScreen.Page.Locator("#place-name")).ToHaveTextAsync("苏家屯区");
            await Expect(districtScreen.Page.Locator($".live-programme[data-programme='{programmeId}'] .on-air-text")).ToHaveTextAsync(text);
        }
        await Expect(screener.Page.Locator("#onair li.q", new() { HasText = text })).ToBeVisibleAsync();
        await Expect(screener.Page.Locator("#log")).ToContainTextAsync("上播");

        // Nobody reloaded: the marks set on each tab are still there.
        Assert.Equal("viewer", await viewer.MarkAsync());
        Assert.Equal("display", await display.MarkAsync());
        Assert.Equal("screener", await screener.MarkAsync());
        foreach (var user in new[] { viewer, display, screener, host })
            user.AssertNoScriptErrors();
    }
}

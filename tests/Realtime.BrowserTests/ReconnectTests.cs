using Realtime.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Realtime.BrowserTests;

/// <summary>
/// LiveApi dies under open pages and comes back on the same address: every page says it is reconnecting, then
/// resyncs from fresh snapshots — showing what changed meanwhile — without a reload.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReconnectTests(BrowserFixture fixture)
{
    private const string Community = "210124001001"; // 法库镇社区, 法库县

    [Fact]
    public async Task LiveApiRestart_PagesOpen_ShowReconnectingThenResyncWithoutReload()
    {
        using var backstage = await Backstage.SignInAsync(fixture.Api);
        var programmeId = await backstage.LiveProgrammeAsync("法库县宅基地审批政策解读", ["210124"], "ApprovalLecture");
        const string text = "农村宅基地翻建需要到哪里审批？审批要多长时间？";

        // Pages are served by a second LiveApi that the test kills; staff act through the first one meanwhile.
        await using var restartable = new RestartableLiveApi(fixture.Stack.Azurite, fixture.Stack.ClusterId);
        await restartable.StartAsync();
        await using var viewer = await fixture.OpenAsync(restartable.BaseAddress, Viewport.Phone);
        await using var host = await fixture.OpenAsync(restartable.BaseAddress, Viewport.Desktop);
        await using var display = await fixture.OpenAsync(restartable.BaseAddress, Viewport.Desktop);

        await viewer.GotoAsync($"/programme.html?id={programmeId}");
        await viewer.Page.Locator("#q-text").FillAsync(text);
        await viewer.Page.Locator("#q-community").SelectOptionAsync(Community);
        await viewer.Page.Locator("#ask-submit").ClickAsync();
        var mine = viewer.Page.Locator("#mine li.question", new() { HasText = text }).Locator(".badge");
        await Expect(mine).ToHaveTextAsync("待审核");
        await host.GotoAsync($"/console.html?id={programmeId}", waitForConnection: false);
        await host.SignInAsync("host");
        await host.ExpectConnectedAsync();
        await Expect(host.Page.Locator("#pending li.q", new() { HasText = text })).ToBeVisibleAsync();
        await display.GotoAsync($"/display.html?community={Community}");
        await Expect(display.Page.Locator($".live-programme[data-programme='{programmeId}'] .waiting-text")).ToBeVisibleAsync();
        var users = new[] { viewer, host, display };
        foreach (var user in users)
            await user.MarkAsync("before-restart");

        await restartable.KillAsync();
        foreach (var user in users)
        {
            await Expect(user.Page.Locator("#connection")).ToHaveAttributeAsync("data-status", "reconnecting");
            await Expect(user.Page.Locator("#connection")).ToHaveTextAsync("连接中断，正在重连…");
        }

        // While they are cut off, the question is approved and put on air through the other LiveApi.
        var id = await backstage.QuestionIdAsync(programmeId, text);
        await backstage.ModerateAsync(programmeId, new { type = "approve", questionId = id });
        await backstage.ModerateAsync(programmeId, new { type = "on-air", questionId = id });

        await restartable.StartAsync();
        foreach (var user in users)
            await user.ExpectConnectedAsync();
        await Expect(mine).ToHaveTextAsync("正在解答");
        await Expect(viewer.Page.Locator("#on-air .stage-text")).ToHaveTextAsync(text);
        await Expect(host.Page.Locator("#onair li.q", new() { HasText = text })).ToBeVisibleAsync();
        await Expect(host.Page.Locator("#pending li.q")).ToHaveCountAsync(0);
        await Expect(display.Page.Locator($".live-programme[data-programme='{programmeId}'] .on-air-text")).ToHaveTextAsync(text);

        foreach (var user in users)
        {
            Assert.Equal("before-restart", await user.MarkAsync());
            user.AssertNoScriptErrors();
        }
    }
}

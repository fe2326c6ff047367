using Realtime.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Realtime.BrowserTests;

/// <summary>Question text and names are shown as text on every page: markup in them is never parsed, scripts never run.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScriptInjectionTests(BrowserFixture fixture)
{
    private const string Community = "210123001001"; // 胜利社区, 康平县
    private const string Payload = "请问<img src=x onerror=\"window.__xss=1\">和<script>window.__xss=1</script>是什么？";
    private const string Nickname = "<b onclick=x>李</b>";

    [Fact]
    public async Task Submit_ScriptPayload_ShowsAsLiteralTextOnProgrammeConsoleAndDisplay()
    {
        using var backstage = await Backstage.SignInAsync(fixture.Api);
        var programmeId = await backstage.LiveProgrammeAsync("康平县农村低保政策答疑", ["210123"], "LianxinqiaoHotline");

        await using var viewer = await fixture.OpenAsync(Viewport.Phone);
        await viewer.GotoAsync($"/programme.html?id={programmeId}");
        await viewer.Page.Locator("#q-text").FillAsync(Payload);
        await viewer.Page.Locator("#q-community").SelectOptionAsync(Community);
        await viewer.Page.Locator("#q-anonymous").UncheckAsync();
        await viewer.Page.Locator("#q-nickname").FillAsync(Nickname);
        await viewer.Page.Locator("#ask-submit").ClickAsync();
        await Expect(viewer.Page.Locator("#mine li.question .text")).ToHaveTextAsync(Payload);

        var id = await backstage.QuestionIdAsync(programmeId, Payload);
        await backstage.ModerateAsync(programmeId, new { type = "approve", questionId = id });
        await backstage.ModerateAsync(programmeId, new { type = "note", questionId = id, note = "<script>window.__xss=1</script>" });
        await backstage.ModerateAsync(programmeId, new { type = "on-air", questionId = id });

        await using var host = await fixture.OpenAsync(Viewport.Desktop);
        await host.GotoAsync($"/console.html?id={programmeId}", waitForConnection: false);
        await host.SignInAsync("host");
        await host.ExpectConnectedAsync();
        var onAir = host.Page.Locator("#onair li.q");
        await Expect(onAir.Locator(".q-text")).ToHaveTextAsync(Payload);
        await Expect(onAir.Locator(".screener-note")).ToContainTextAsync("<script>window.__xss=1</script>");
        await Expect(onAir.Locator(".meta")).ToContainTextAsync(Nickname);
        await Expect(host.Page.Locator("#log")).ToContainTextAsync("<script>window.__xss=1</script>");

        await using var display = await fixture.OpenAsync(Viewport.Desktop);
        await display.GotoAsync($"/display.html?community={Community}");
        await Expect(display.Page.Locator($".live-programme[data-programme='{programmeId}'] .on-air-text")).ToHaveTextAsync(Payload);
        await Expect(display.Page.Locator($".live-programme[data-programme='{programmeId}'] .on-air-meta")).ToContainTextAsync(Nickname);

        await Expect(viewer.Page.Locator("#on-air .stage-text")).ToHaveTextAsync(Payload);
        await Expect(viewer.Page.Locator("#queue li.question .text")).ToHaveTextAsync(Payload);
        await Expect(viewer.Page.Locator("#on-air .meta")).ToContainTextAsync(Nickname);

        foreach (var user in new[] { viewer, host, display })
        {
            Assert.False(await user.InjectionRanAsync(), $"an injected script ran on {user.Page.Url}");
            await Expect(user.Page.Locator("img[src='x'], main script, main b, .display-page b")).ToHaveCountAsync(0);
            user.AssertNoScriptErrors();
        }
    }
}

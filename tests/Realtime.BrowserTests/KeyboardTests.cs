using System.Net.Http.Json;
using Microsoft.Playwright;
using Realtime.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Realtime.BrowserTests;

/// <summary>
/// Keyboard only, no mouse: Tab to each control (every stop shows its focus), Enter to act. Screen-reader users hear
/// their own question's progress once per change, never the vote counts.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(BrowserFixture fixture)
{
    private const string District = "210111"; // 苏家屯区
    private const string Community = "210111001001";

    [Fact]
    public async Task ViewerSubmit_KeyboardOnly_QuestionIsSentAndItsProgressIsAnnouncedOncePerChange()
    {
        using var backstage = await Backstage.SignInAsync(fixture.Api);
        var programmeId = await backstage.LiveProgrammeAsync("苏家屯区键盘操作测试：养老服务问答", [District]);
        const string text = "苏家屯区的老年大学今年什么时候招生？";

        await using var viewer = await fixture.OpenAsync(Viewport.Desktop);
        await viewer.GotoAsync($"/programme.html?id={programmeId}");
        var page = viewer.Page;
        await viewer.TabToAsync("#q-text");
        await page.Keyboard.InsertTextAsync(text);
        await viewer.TabToAsync("#q-community");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.Locator("#q-community")).Not.ToHaveValueAsync("");
        await viewer.TabToAsync("#ask-submit");
        await page.Keyboard.PressAsync("Enter");
        var mine = page.Locator("#mine li.question", new() { HasText = text });
        await Expect(mine.Locator(".badge")).ToHaveTextAsync("待审核");
        await Expect(page.Locator("#ask-ok")).ToBeVisibleAsync();

        // Everything said in the polite live region from here on is recorded.
        var announcer = page.Locator("#announcer");
        await Expect(announcer).ToHaveAttributeAsync("aria-live", "polite");
        await page.EvaluateAsync("""
            () => {
              window.__said = [];
              new MutationObserver(() => window.__said.push(document.getElementById("announcer").textContent))
                .observe(document.getElementById("announcer"), { childList: true, characterData: true, subtree: true });
            }
            """);
        var questionId = await backstage.QuestionIdAsync(programmeId, text);
        await backstage.ModerateAsync(programmeId, new { type = "approve", questionId });
        await Expect(announcer).ToHaveTextAsync($"您的问题 #{questionId} 状态：已通过");
        // Votes from others change the count on the page but are not announced.
        for (var i = 0; i < 3; i++)
        {
            using var other = await backstage.NewViewerAsync();
            (await other.PostAsJsonAsync($"/api/programmes/{programmeId}/questions/{questionId}/votes", new { })).EnsureSuccessStatusCode();
        }
        await Expect(mine.Locator(".votes")).ToContainTextAsync("3");
        await backstage.ModerateAsync(programmeId, new { type = "on-air", questionId });
        await Expect(announcer).ToHaveTextAsync($"您的问题 #{questionId} 状态：正在解答");
        await backstage.ModerateAsync(programmeId, new { type = "answered", questionId });
        await Expect(announcer).ToHaveTextAsync($"您的问题 #{questionId} 状态：已解答");
        var said = await page.EvaluateAsync<string[]>("() => window.__said.filter((text) => text)");
        Assert.Equal([$"您的问题 #{questionId} 状态：已通过", $"您的问题 #{questionId} 状态：正在解答", $"您的问题 #{questionId} 状态：已解答"], said);

        // The answer is rated with the keyboard too: arrow keys choose the stars, Enter sends.
        await viewer.TabToAsync("#mine .rate-form input[type=radio]");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await viewer.TabToAsync("#mine .rate-form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(mine.Locator(".badge.rated")).ToHaveTextAsync("您已评价");
        viewer.AssertNoScriptErrors();
    }

    [Fact]
    public async Task HostPutOnAir_KeyboardOnly_SignsInApprovesPutsOnAirAndMarksAnswered()
    {
        using var backstage = await Backstage.SignInAsync(fixture.Api);
        var programmeId = await backstage.LiveProgrammeAsync("苏家屯区键盘操作测试：导播台", [District], "DirectorInterview");
        const string text = "苏家屯区农村道路什么时候硬化？";
        await backstage.SubmitAsNewViewerAsync(programmeId, text, Community);

        await using var host = await fixture.OpenAsync(Viewport.Desktop);
        var page = host.Page;
        await host.GotoAsync($"/console.html?id={programmeId}", waitForConnection: false);
        await host.TabToAsync("#signin-name");
        await page.Keyboard.InsertTextAsync("host");
        await host.TabToAsync("#signin-password");
        await page.Keyboard.InsertTextAsync("host-demo");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#signin")).ToBeHiddenAsync();
        await host.ExpectConnectedAsync();

        await host.TabToAsync("#pending li.q button[data-role=approve]", max: 120);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#approved li.q", new() { HasText = text })).ToBeVisibleAsync();
        await host.TabToAsync("#approved li.q button[data-role=onAir]", max: 120);
        await page.Keyboard.PressAsync("Enter");
        var onAir = page.Locator("#onair li.q", new() { HasText = text });
        await Expect(onAir).ToBeVisibleAsync();
        await host.TabToAsync("#onair li.q button[data-role=answered]", max: 120);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#done li.q", new() { HasText = text }).Locator(".badge").First).ToHaveTextAsync("已解答");
        host.AssertNoScriptErrors();
    }

    [Fact]
    public async Task PlayerChapters_KeyboardOnly_EnterJumpsToTheAnswer()
    {
        var published = await fixture.PublishedRecordingAsync();
        await using var visitor = await fixture.OpenAsync(Viewport.Desktop);
        var page = visitor.Page;
        await visitor.GotoAsync($"/archive.html?id={published.ProgrammeId}", waitForConnection: false);
        await Expect(page.Locator("#media")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex(".+"));
        await page.WaitForFunctionAsync("() => document.getElementById('media').readyState >= 1");

        await visitor.TabToAsync("#chapters li:nth-child(2) button.chapter");
        await page.Keyboard.PressAsync("Enter");
        var second = page.Locator("#chapters li:nth-child(2) button.chapter");
        await Expect(second).ToHaveAttributeAsync("aria-current", "true");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = PublishedRecording.SecondQuestion })).ToHaveCountAsync(1);
        await page.WaitForFunctionAsync("s => Math.abs(document.getElementById('media').currentTime - s) < 2", published.Chapters[1].OnAirSeconds);
        visitor.AssertNoScriptErrors();
    }
}

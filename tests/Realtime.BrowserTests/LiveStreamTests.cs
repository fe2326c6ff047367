using System.Net.Http.Json;
using Realtime.BrowserTests.Infrastructure;
using Realtime.Contracts.LiveStreams;
using Realtime.Testing;
using static Microsoft.Playwright.Assertions;

namespace Realtime.BrowserTests;

/// <summary>
/// The live picture in Chromium: the admin opens the stream and sees the address, passphrase and signal; ffmpeg plays
/// the studio encoder; a viewer's programme page plays the live stream beside the desk, shows how far behind the studio
/// it is, captions the question on air, and offers "回到直播" once the viewer has fallen behind.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveStreamTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ProgrammePage_PlaysTheLiveStream_WithItsDelay_TheQuestionOnAirAsCaption_AndBackToLive()
    {
        using var backstage = await Backstage.SignInAsync(fixture.Api);
        using var admin = await fixture.Api.AsAsync("admin");
        const string title = "局长访谈：营商环境直播";
        var programmeId = await backstage.LiveProgrammeAsync(title, ["210102"], "DirectorInterview");
        await fixture.WorkerAsync();
        try
        {
            // The admin page: open the stream, and the address and passphrase to give the studio appear.
            await using var operatorTab = await fixture.OpenAsync(Viewport.Desktop);
            var adminPage = operatorTab.Page;
            await operatorTab.GotoAsync("/admin.html", waitForConnection: false);
            await operatorTab.SignInAsync("admin");
            await operatorTab.ExpectConnectedAsync();
            await adminPage.Locator("#live-programme").SelectOptionAsync(programmeId);
            await adminPage.Locator("#live-open").ClickAsync();
            var item = adminPage.Locator($"#live-streams li[data-programme='{programmeId}']");
            await Expect(item.Locator($"#live-url-{programmeId}")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^srt://"));
            var stream = (await admin.GetFromJsonAsync<LiveStream>($"/api/programmes/{programmeId}/live-stream", ApiClient.Json))!;
            await Expect(item.Locator($"#live-pass-{programmeId}")).ToHaveValueAsync(stream.Passphrase);

            await using var studio = StudioEncoder.Start(stream.Address!, stream.Passphrase, 60, size: "640x360");
            await Expect(item).ToHaveAttributeAsync("data-state", "Receiving");
            await Expect(item.Locator(".live-health")).ToContainTextAsync("640×360");
            await operatorTab.AssertAccessibleAsync("admin-live-stream");

            // A viewer's phone: the live picture on top of the desk, playing, with the delay behind the studio.
            await using var viewer = await fixture.OpenAsync(Viewport.Phone);
            var page = viewer.Page;
            await viewer.GotoAsync($"/programme.html?id={programmeId}");
            await Expect(page.Locator("#live-section")).ToBeVisibleAsync();
            await page.WaitForFunctionAsync("() => document.getElementById('live-media')?.currentTime > 1");
            var first = await page.EvaluateAsync<double>("() => document.getElementById('live-media').currentTime");
            await page.WaitForFunctionAsync($"() => document.getElementById('live-media').currentTime > {first + 2}");
            await Expect(page.Locator("#live-delay")).ToContainTextAsync("比现场晚约");
            var delay = await page.EvaluateAsync<int>("() => Number(document.getElementById('live-media').dataset.delay)");
            Assert.InRange(delay, 0, 30);
            var playerTop = (await page.Locator("#live-section").BoundingBoxAsync())!.Y;
            var formTop = (await page.Locator("#ask-form").BoundingBoxAsync())!.Y;
            Assert.True(playerTop < formTop, "on a phone the player is above the desk");

            // The question on air is captioned over the picture.
            var question = await backstage.SubmitAsNewViewerAsync(programmeId, "请问企业开办现在最快几天能办完？", "210102001001");
            await backstage.ModerateAsync(programmeId, new { type = "approve", questionId = question });
            await backstage.ModerateAsync(programmeId, new { type = "on-air", questionId = question });
            await Expect(page.Locator("#live-caption")).ToHaveTextAsync("正在解答：请问企业开办现在最快几天能办完？");
            await viewer.AssertAccessibleAsync("programme-live-player");

            // Seeking back within the show stays where the viewer put it (several playlist refreshes later it is
            // still well behind), and "回到直播" brings the viewer back to the live edge.
            await page.WaitForFunctionAsync("() => document.getElementById('live-media').currentTime > 14");
            await page.Locator("#live-media").EvaluateAsync("m => { m.currentTime = m.currentTime - 12; }");
            await Expect(page.Locator("#live-edge")).ToBeVisibleAsync();
            await page.WaitForTimeoutAsync(3000);
            await Expect(page.Locator("#live-edge")).ToBeVisibleAsync();
            var behindMs = await page.EvaluateAsync<double>("() => Number(document.getElementById('live-media').dataset.delayMs)");
            Assert.True(behindMs > 10_000, $"a viewer who sought 12 s back is still behind live, not pulled forward (delay {behindMs} ms)");
            await page.Locator("#live-edge").ClickAsync();
            await page.WaitForFunctionAsync("() => Number(document.getElementById('live-media').dataset.delayMs) < 9000 && !document.getElementById('live-media').paused");

            // A stall the viewer did not choose (playback stops without a pause): once 10 s behind, the player rejoins
            // the live edge by itself.
            var stalledAt = await page.Locator("#live-media").EvaluateAsync<double>("m => { m.playbackRate = 0; return m.currentTime; }");
            await page.WaitForFunctionAsync($"() => document.getElementById('live-media').currentTime > {stalledAt + 8}", null,
                new Microsoft.Playwright.PageWaitForFunctionOptions { Timeout = 30_000 });
            viewer.AssertNoScriptErrors();
            operatorTab.AssertNoScriptErrors();
        }
        finally
        {
            await backstage.EndAsync(programmeId); // closes the stream and frees the worker's live slot
        }
    }
}

using System.Web;
using Microsoft.Playwright;
using Realtime.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Realtime.BrowserTests;

/// <summary>A recording still being transcoded can already be watched: the archive says so and plays it from the start.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EarlyReplayTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Archive_RecordingStillTranscoding_ListedAsProcessingAndPlaysFromTheStartWithANote()
    {
        using var backstage = await Backstage.SignInAsync(fixture.Api);
        const string title = "人社局长谈灵活就业人员参保（边转边看）";
        var programmeId = await backstage.LiveProgrammeAsync(title, ["210112"], "DirectorInterview");
        await backstage.EndAsync(programmeId);
        await fixture.WorkerAsync();
        var jobId = await backstage.UploadRecordingAsync(programmeId, await fixture.Samples.LongInterviewAsync());
        try
        {
            await backstage.PublishedAsync(programmeId);

            // The archive search lists it with a "processing" badge instead of a duration.
            await using var viewer = await fixture.OpenAsync(Viewport.Phone);
            var page = viewer.Page;
            await viewer.GotoAsync("/archive.html?q=" + HttpUtility.UrlEncode("灵活就业"), waitForConnection: false);
            var card = page.Locator($"li.archive-card[data-programme='{programmeId}']");
            await Expect(card.Locator(".badge.processing")).ToHaveTextAsync("转码中 · 可先观看");
            await card.GetByRole(AriaRole.Link).ClickAsync();

            // The player says what is going on, offers no download yet, and plays the growing playlist from the start.
            await Expect(page.Locator("#page-title")).ToHaveTextAsync(title);
            await Expect(page.Locator("#player-processing")).ToBeVisibleAsync();
            await Expect(page.Locator("#player-processing")).ToContainTextAsync("录像正在转码");
            await Expect(page.Locator("#player-meta")).ToContainTextAsync("转码中 · 可先观看");
            await Expect(page.Locator("#download")).ToBeHiddenAsync();
            await page.Locator("#media").EvaluateAsync("m => { m.muted = true; return m.play(); }");
            await page.WaitForFunctionAsync("() => document.getElementById('media').currentTime > 1");
            var time = await page.EvaluateAsync<double>("() => document.getElementById('media').currentTime");
            Assert.True(time < 8, $"a replay starts at the beginning, not at the live edge; it played from {time:F1} s");
            viewer.AssertNoScriptErrors();
        }
        finally
        {
            await backstage.CancelJobAsync(jobId); // frees the worker for the other tests
        }
    }
}

using Microsoft.Playwright;
using Realtime.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Realtime.BrowserTests;

/// <summary>
/// A programme that already has a replay: the admin page asks before a new recording replaces it; once confirmed and
/// transcoded, the archive plays the new one — here a portrait phone recording, shown upright in a portrait player.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReplaceRecordingTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Upload_ProgrammeWithAReplay_AsksBeforeReplacing_AndThePortraitReplacementPlaysUpright()
    {
        using var backstage = await Backstage.SignInAsync(fixture.Api);
        var worker = fixture.WorkerAsync();
        var programmeId = await backstage.LiveProgrammeAsync("百家社区讲堂：手机拍摄的社区活动", ["210112"], "CommunityForum");
        await backstage.EndAsync(programmeId);
        await worker;
        await backstage.SucceededAsync(await backstage.UploadRecordingAsync(programmeId, await fixture.Samples.InterviewAsync()));
        var portrait = await fixture.Samples.PortraitPhoneAsync();

        await using var admin = await fixture.OpenAsync(Viewport.Desktop);
        var page = admin.Page;
        await admin.GotoAsync("/admin.html", waitForConnection: false);
        await admin.SignInAsync("admin");
        await admin.ExpectConnectedAsync();
        string? asked = null;
        page.Dialog += async (_, dialog) =>
        {
            asked = dialog.Message;
            await dialog.AcceptAsync();
        };
        await page.Locator("#u-programme").SelectOptionAsync(programmeId);
        await page.Locator("#u-file").SetInputFilesAsync(portrait);
        await page.GetByRole(AriaRole.Button, new() { Name = "开始上传" }).ClickAsync();

        await Expect(page.Locator("#upload-ok")).ToHaveTextAsync($"“{Path.GetFileName(portrait)}”上传完成，已加入转码队列。");
        Assert.NotNull(asked);
        Assert.Contains("已经发布了录像", asked);
        Assert.Contains("确定用这个文件替换吗", asked);
        var job = page.Locator($"#jobs li.job[data-state='Succeeded']:has-text('{Path.GetFileName(portrait)}')");
        // Generous: a busy machine transcodes slowly.
        await Expect(job).ToHaveCountAsync(1, new() { Timeout = 300_000 });
        await Expect(page.Locator("#jobs li.job .job-superseded")).Not.ToHaveCountAsync(0);

        await using var viewer = await fixture.OpenAsync(Viewport.Phone);
        await viewer.GotoAsync($"/archive.html?id={programmeId}", waitForConnection: false);
        var video = viewer.Page.Locator("#media-box video");
        await Expect(video).ToHaveCountAsync(1);
        await Expect(viewer.Page.Locator("#media-box")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("portrait"));
        var box = await video.BoundingBoxAsync();
        Assert.True(box is { } b && b.Height > b.Width, $"the player should be upright for a portrait recording, is {box?.Width}×{box?.Height}");
        admin.AssertNoScriptErrors();
        viewer.AssertNoScriptErrors();
    }
}

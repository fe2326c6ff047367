using System.Text;
using System.Web;
using Microsoft.Playwright;
using Realtime.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Realtime.BrowserTests;

/// <summary>
/// Recordings with a real MediaWorker: the admin page uploads straight into Blob storage (SAS + CORS), survives a
/// dropped connection and a reload, shows the transcode live; the archive page plays it with a quality menu and chapters.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ArchiveTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Upload_ConnectionDropsThenPageReloads_ResumesFromStoredBlocksAndJobReaches100PercentWithoutReload()
    {
        using var backstage = await Backstage.SignInAsync(fixture.Api);
        const string title = "新民市土地确权登记答疑（录像上传）";
        var programmeId = await backstage.LiveProgrammeAsync(title, ["210181"], "ApprovalLecture");
        await backstage.EndAsync(programmeId);
        var worker = fixture.WorkerAsync();
        var file = await fixture.Samples.InterviewAsync();
        var blocks = MediaSamples.BlocksOf(file);
        Assert.True(blocks > 6, $"the sample should need several blocks, got {blocks}");

        await using var admin = await fixture.OpenAsync(Viewport.Desktop);
        var page = admin.Page;
        await admin.GotoAsync("/admin.html", waitForConnection: false);
        await admin.SignInAsync("admin");
        await admin.ExpectConnectedAsync();

        // The connection to storage drops after the first four blocks: the page says it is retrying.
        await page.RouteAsync(url => url.Contains("comp=block", StringComparison.Ordinal), async route =>
        {
            if (BlockIndex(route.Request.Url) < 4)
                await route.ContinueAsync();
            else
                await route.AbortAsync("internetdisconnected");
        });
        await page.Locator("#u-programme").SelectOptionAsync(programmeId);
        await page.Locator("#u-file").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "开始上传" }).ClickAsync();
        await Expect(page.Locator("#upload-figures")).ToContainTextAsync($"分块 4/{blocks}");
        await Expect(page.Locator("#upload-note")).ToContainTextAsync("网络不稳定，正在重试");

        // The operator reloads the page and chooses the same file again: it resumes after the stored blocks.
        await page.ReloadAsync();
        await page.UnrouteAllAsync();
        await admin.ExpectConnectedAsync();
        await page.Locator("#u-file").SetInputFilesAsync(file);
        await Expect(page.Locator("#upload-found")).ToContainTextAsync($"已上传 4/{blocks} 块");
        await Expect(page.Locator("#u-programme")).ToHaveValueAsync(programmeId);
        await admin.MarkAsync("after-reload");
        await worker;
        await page.GetByRole(AriaRole.Button, new() { Name = "继续上传" }).ClickAsync();
        await Expect(page.Locator("#upload-ok")).ToHaveTextAsync($"“{Path.GetFileName(file)}”上传完成，已加入转码队列。");
        await Expect(page.Locator("#upload-bar")).ToHaveJSPropertyAsync("value", 100);

        // The job follows live: transcoded by the worker, 100 %, 已完成, a link to the replay.
        var job = page.Locator("#jobs li.job", new() { HasText = title });
        // Generous: a busy machine transcodes slowly.
        await Expect(job).ToHaveAttributeAsync("data-state", "Succeeded", new() { Timeout = 300_000 });
        await Expect(job.Locator(".job-state")).ToHaveTextAsync("已完成");
        await Expect(job.Locator("progress")).ToHaveJSPropertyAsync("value", 100);
        await Expect(job.Locator(".job-figures")).ToContainTextAsync("100%");
        await Expect(job).ToContainTextAsync("第 1/3 次尝试");
        Assert.Equal("after-reload", await admin.MarkAsync());
        admin.AssertNoScriptErrors();

        await job.GetByRole(AriaRole.Link, new() { Name = "观看回放：" + title }).ClickAsync();
        await Expect(page.Locator("#page-title")).ToHaveTextAsync(title);
        await Expect(page.Locator("#quality option", new() { HasText = "360p" })).ToHaveCountAsync(1);
        admin.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Player_PublishedRecording_QualityMenuChaptersSeekPlayAndStartTimeFromLink()
    {
        var recording = await fixture.PublishedRecordingAsync();
        var second = recording.Chapters[1];
        Assert.True(second.OnAirSeconds > recording.Chapters[0].OnAirSeconds + 3 && second.OnAirSeconds < recording.DurationSeconds - 1,
            $"the second chapter should start seconds after the first and inside the {recording.DurationSeconds} s recording, at {second.OnAirSeconds}");

        await using var viewer = await fixture.OpenAsync(Viewport.Desktop);
        var page = viewer.Page;
        await viewer.GotoAsync($"/archive.html?id={recording.ProgrammeId}", waitForConnection: false);
        await Expect(page.Locator("#page-title")).ToHaveTextAsync(PublishedRecording.Title);

        // hls.js read the master playlist: the quality menu offers "auto" and the 360p rung (the source is 640×360).
        await Expect(page.Locator("#quality option")).ToHaveCountAsync(2);
        await Expect(page.Locator("#quality option").Nth(1)).ToContainTextAsync("360p");
        await Expect(page.Locator("#download")).ToHaveTextAsync("下载 MP4 视频");
        Assert.EndsWith("/download.mp4", await page.Locator("#download").GetAttributeAsync("href"));

        // Each question answered on air is a chapter; a click seeks there and plays (currentTime moves on from it).
        var chapters = page.Locator("#chapters button.chapter");
        await Expect(chapters).ToHaveCountAsync(2);
        await Expect(chapters.Nth(0)).ToContainTextAsync(PublishedRecording.FirstQuestion);
        await Expect(chapters.Nth(1)).ToContainTextAsync(PublishedRecording.SecondQuestion);
        await Expect(chapters.Nth(1).Locator(".chapter-department")).ToHaveTextAsync("农业局解答");
        await chapters.Nth(1).ClickAsync();
        await Expect(chapters.Nth(1)).ToHaveAttributeAsync("aria-current", "true");
        await page.WaitForFunctionAsync("s => document.getElementById('media').currentTime > s + 0.3", second.OnAirSeconds);
        var time = await page.EvaluateAsync<double>("() => document.getElementById('media').currentTime");
        Assert.InRange(time, second.OnAirSeconds, second.OnAirSeconds + 8);
        await Expect(page.Locator("#share-link")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex($"archive\\.html\\?id={recording.ProgrammeId}&t=\\d+$"));
        viewer.AssertNoScriptErrors();

        // A shared link with ?t= starts there; a second past the second chapter's start, so playing on cannot leave it.
        var start = (int)Math.Ceiling(second.OnAirSeconds) + 1;
        await using var friend = await fixture.OpenAsync(Viewport.Phone);
        await friend.GotoAsync($"/archive.html?id={recording.ProgrammeId}&t={start}", waitForConnection: false);
        await friend.Page.WaitForFunctionAsync("s => { const m = document.getElementById('media'); return m && m.readyState >= 1 && m.currentTime >= s - 0.5; }", start);
        Assert.InRange(await friend.Page.EvaluateAsync<double>("() => document.getElementById('media').currentTime"), start - 0.5, start + 1.5);
        await Expect(friend.Page.Locator("#chapters button.chapter[aria-current='true']")).ToContainTextAsync(PublishedRecording.SecondQuestion);
        friend.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Player_RadioProgramme_AudioPlayerWithChaptersAndM4aDownload()
    {
        using var backstage = await Backstage.SignInAsync(fixture.Api);
        var worker = fixture.WorkerAsync();
        var file = fixture.Samples.HotlineAsync();
        const string text = "回迁房的房产证什么时候能办下来？要交哪些费用？";
        var programmeId = await backstage.LiveProgrammeAsync("连心桥热线：新民市回迁房产权办理", ["210181"], "LianxinqiaoHotline");
        var question = await backstage.SubmitAsNewViewerAsync(programmeId, text, "210181001003", null, "住房", "housing");
        await backstage.ModerateAsync(programmeId, new { type = "approve", questionId = question });
        await Task.Delay(TimeSpan.FromSeconds(2)); // the chapter starts a little way into the recording
        await backstage.ModerateAsync(programmeId, new { type = "on-air", questionId = question });
        await backstage.ModerateAsync(programmeId, new { type = "answered", questionId = question });
        await backstage.EndAsync(programmeId);
        await worker;
        await backstage.SucceededAsync(await backstage.UploadRecordingAsync(programmeId, await file, "audio/mp4"));

        await using var listener = await fixture.OpenAsync(Viewport.Phone);
        var page = listener.Page;
        await listener.GotoAsync($"/archive.html?id={programmeId}", waitForConnection: false);
        await Expect(page.Locator("#media-box audio")).ToHaveCountAsync(1);
        await Expect(page.Locator("#media-box video")).ToHaveCountAsync(0);
        await Expect(page.Locator("#quality-field")).ToBeHiddenAsync();
        await Expect(page.Locator("#download")).ToHaveTextAsync("下载 M4A 音频");
        Assert.EndsWith("/download.m4a", await page.Locator("#download").GetAttributeAsync("href"));
        var chapter = page.Locator("#chapters button.chapter");
        await Expect(chapter).ToHaveCountAsync(1);
        await Expect(chapter).ToContainTextAsync(text);
        await Expect(chapter.Locator(".chapter-department")).ToHaveTextAsync("房产局解答");
        var onAir = double.Parse((await chapter.GetAttributeAsync("data-seconds"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(onAir > 1, $"the chapter should start a little way in, at {onAir}");
        await chapter.ClickAsync();
        await page.WaitForFunctionAsync("s => document.getElementById('media').currentTime >= s", onAir);
        await Expect(chapter).ToHaveAttributeAsync("aria-current", "true");
        listener.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Search_ByTextOfAnAnsweredQuestionAndDistrict_ListsTheProgrammeWithTheMatchingQuestion()
    {
        var recording = await fixture.PublishedRecordingAsync();
        await using var visitor = await fixture.OpenAsync(Viewport.Phone);
        var page = visitor.Page;
        await visitor.GotoAsync("/archive.html", waitForConnection: false);
        await Expect(page.Locator($"#results [data-programme='{recording.ProgrammeId}']")).ToBeVisibleAsync();

        await page.Locator("#f-q").FillAsync("补贴资金");
        await page.Locator("#f-district").SelectOptionAsync("210181");
        await page.GetByRole(AriaRole.Button, new() { Name = "检索", Exact = true }).ClickAsync();
        var card = page.Locator($"#results [data-programme='{recording.ProgrammeId}']");
        await Expect(card.Locator(".matches li")).ToHaveTextAsync(PublishedRecording.SecondQuestion);
        await Expect(page.Locator("#result-count")).ToHaveTextAsync("共 1 期");
        Assert.Contains("q=%E8%A1%A5%E8%B4%B4%E8%B5%84%E9%87%91", page.Url);

        await page.Locator("#f-district").SelectOptionAsync("210123");
        await page.GetByRole(AriaRole.Button, new() { Name = "检索", Exact = true }).ClickAsync();
        await Expect(page.Locator("#result-count")).ToHaveTextAsync("没有找到符合条件的往期节目。");
        visitor.AssertNoScriptErrors();
    }

    /// <summary>The block's index from its id in the PUT (base64 of "block-000004").</summary>
    private static int BlockIndex(string url)
    {
        var id = HttpUtility.ParseQueryString(new Uri(url).Query)["blockid"] ?? "";
        var name = Encoding.UTF8.GetString(Convert.FromBase64String(id));
        return int.Parse(name[(name.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }
}

using Microsoft.Playwright;
using Realtime.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Realtime.BrowserTests;

/// <summary>What an outside end-to-end client found: each fixed, each kept fixed by a test.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RoughEdgeTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ProgrammePage_EndedWithoutRecording_HeaderShowsOnlyTheFollowUpLinkAndNoRequestFails()
    {
        using var backstage = await Backstage.SignInAsync(fixture.Api);
        var programmeId = await backstage.LiveProgrammeAsync("康平县已结束节目（无录像）", ["210123"]);
        await backstage.EndAsync(programmeId);

        await using var viewer = await fixture.OpenAsync(Viewport.Phone);
        var failed = new List<string>();
        viewer.Page.Response += (_, response) => { if (response.Status >= 400) lock (failed) failed.Add($"{response.Status} {response.Url}"); };
        viewer.Page.Console += (_, message) => { if (message.Type == "error") lock (failed) failed.Add(message.Text); };
        await viewer.GotoAsync($"/programme.html?id={programmeId}");
        await Expect(viewer.Page.Locator("#desk-notice")).ToBeVisibleAsync();
        var links = viewer.Page.Locator("#programme-links");
        await Expect(links).ToHaveTextAsync("本期转办件");
        await Expect(viewer.Page.Locator("header")).Not.ToContainTextAsync("null");
        // The replay lookup has answered (no link), and nothing asked for was refused.
        await viewer.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        lock (failed)
            Assert.True(failed.Count == 0, string.Join("\n", failed));
        viewer.AssertNoScriptErrors();
    }

    [Fact]
    public async Task FollowUpPage_AnswerRatedByTheAsker_ShowsTheRatingToEveryone()
    {
        using var backstage = await Backstage.SignInAsync(fixture.Api);
        var (_, caseId) = await AccessibilityTests.AnsweredFollowUpAsync(fixture, backstage, "大东区转办评价公开显示");

        await using var anyone = await fixture.OpenAsync(Viewport.Phone);
        await anyone.GotoAsync($"/followup.html?case={caseId}", waitForConnection: false);
        var rating = anyone.Page.Locator("#case .case-rating");
        await Expect(rating.Locator(".rating-text")).ToHaveTextAsync("4.0 分 · 1 人评价");
        await Expect(rating).ToContainTextAsync("答复由提问人评价");
        await Expect(rating.Locator("form")).ToHaveCountAsync(0);
        anyone.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Landing_LiveHubUnreachable_ShowsWhatIsLiveFromRest()
    {
        using var backstage = await Backstage.SignInAsync(fixture.Api);
        var live = await backstage.LiveProgrammeAsync("法库县正在直播（首屏不等实时连接）", ["210124"]);

        await using var visitor = await fixture.OpenAsync(Viewport.Phone);
        // The live hub never answers (a proxy that drops WebSockets, say): the page still shows what is on.
        await visitor.Page.RouteAsync("**/hubs/live/**", route => route.AbortAsync("connectionrefused"));
        await visitor.GotoAsync("/", waitForConnection: false);
        await Expect(visitor.Page.Locator($"#live [data-programme='{live}']")).ToBeVisibleAsync();
        await Expect(visitor.Page.Locator("#live li.empty")).ToHaveCountAsync(0);
        await Expect(visitor.Page.Locator("#connection")).Not.ToHaveAttributeAsync("data-status", "connected");
    }
}

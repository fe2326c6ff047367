using Microsoft.Playwright;
using Realtime.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Realtime.BrowserTests;

/// <summary>The landing page shows what is live, the next 7 days and the last 7 days; older programmes come on demand.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LandingTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Landing_ShowsLiveNextAndLastSevenDays_LoadsOlderProgrammesOnDemandNewestFirst()
    {
        using var backstage = await Backstage.SignInAsync(fixture.Api);
        var now = DateTimeOffset.UtcNow;
        var tag = Guid.NewGuid().ToString("N")[..4];
        var live = await backstage.ScheduleAtAsync($"正在播的社区讲堂 {tag}", now.AddMinutes(-5), "210123");
        await backstage.MoveAsync(live, "live");
        var soon = await backstage.ScheduleAtAsync($"三天后的社区讲堂 {tag}", now.AddDays(3), "210123");
        var recent = await backstage.ScheduleAtAsync($"前天的社区讲堂 {tag}", now.AddDays(-2), "210123");
        await backstage.MoveAsync(recent, "live");
        await backstage.MoveAsync(recent, "end");
        // Twenty-five older ones, one every other day from ten days ago back: none belongs on the first screen.
        var older = new List<string>();
        for (var i = 0; i < 25; i++)
            older.Add(await backstage.ScheduleAtAsync($"往日讲堂{i:D2} {tag}", now.AddDays(-10 - 2 * i), "210123"));

        await using var visitor = await fixture.OpenAsync(Viewport.Phone);
        await visitor.GotoAsync("/");
        var page = visitor.Page;
        await Expect(page.Locator($"#live [data-programme='{live}']")).ToBeVisibleAsync();
        await Expect(page.Locator($"#upcoming [data-programme='{soon}']")).ToBeVisibleAsync();
        await Expect(page.Locator($"#past [data-programme='{recent}']")).ToBeVisibleAsync();
        await Expect(page.Locator("li.card", new() { HasText = "往日讲堂" })).ToHaveCountAsync(0);

        // "Load more" until the oldest shows: each older programme once, newest first.
        var button = page.GetByRole(AriaRole.Button, new() { Name = "加载更早的节目" });
        var oldest = page.Locator($"#older [data-programme='{older[^1]}']");
        for (var clicks = 0; await oldest.CountAsync() == 0; clicks++)
        {
            Assert.True(clicks < 20, "the oldest programme never came");
            var shown = await page.Locator("#older li.card").CountAsync();
            await button.ClickAsync();
            await Expect(page.Locator("#older li.card")).Not.ToHaveCountAsync(shown);
        }
        foreach (var id in older)
            await Expect(page.Locator($"[data-programme='{id}']")).ToHaveCountAsync(1);
        var order = await page.Locator("#older li.card").EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.programme)");
        var mine = order.Where(older.Contains).ToList();
        Assert.Equal(older, mine);
        await visitor.ScreenshotAsync("landing-older");
        visitor.AssertNoScriptErrors();
    }
}

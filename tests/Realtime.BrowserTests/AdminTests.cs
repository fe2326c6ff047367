using Microsoft.Playwright;
using Realtime.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Realtime.BrowserTests;

/// <summary>The admin schedules and starts a programme; the public landing page follows without a reload.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminTests(BrowserFixture fixture)
{
    private const string District = "210181"; // 新民市

    [Fact]
    public async Task Schedule_AdminFillsForm_ListedThenLiveOnLandingWithoutReload_ErrorsNameTheField()
    {
        // Other tests may have left programmes live in 新民市: the badge is asserted against what was there before.
        using var backstage = await Backstage.SignInAsync(fixture.Api);
        var liveBefore = await backstage.LiveCountAsync(District);
        await using var admin = await fixture.OpenAsync(Viewport.Desktop);
        await using var visitor = await fixture.OpenAsync(Viewport.Phone);
        await visitor.GotoAsync("/");
        await visitor.MarkAsync("landing");

        await admin.GotoAsync("/admin.html", waitForConnection: false);
        await admin.SignInAsync("admin");
        await admin.ExpectConnectedAsync();
        var page = admin.Page;
        const string title = "新民市土地承包经营权确权答疑";

        // A mistake first: the end before the start. The server's message is shown next to the field.
        await page.Locator("#p-series").SelectOptionAsync("LianxinqiaoHotline");
        await page.Locator("#p-title").FillAsync(title);
        await page.Locator("#p-start").FillAsync("2030-05-20T10:00");
        await page.Locator("#p-end").FillAsync("2030-05-20T09:00");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "新民市" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "安排节目" }).ClickAsync();
        await Expect(page.Locator("#schedule-error")).ToHaveTextAsync("结束时间必须晚于开始时间。");
        await Expect(page.Locator("#p-end")).ToHaveAttributeAsync("aria-invalid", "true");

        await page.Locator("#p-end").FillAsync("2030-05-20T11:00");
        await page.GetByLabel("部门").FillAsync("沈阳市农业局");
        await page.GetByLabel("姓名").FillAsync("孙立民");
        await page.GetByLabel("职务").FillAsync("局长");
        await page.GetByRole(AriaRole.Button, new() { Name = "安排节目" }).ClickAsync();
        await Expect(page.Locator("#schedule-ok")).ToHaveTextAsync("已安排：" + title);
        var item = page.Locator("#programme-list li", new() { HasText = title });
        await Expect(item.Locator(".badge")).ToHaveTextAsync("未开始");
        await Expect(item).ToContainTextAsync("5/20周一 10:00 – 11:00");
        await Expect(visitor.Page.Locator("#upcoming li.card", new() { HasText = title })).ToBeVisibleAsync();

        await item.GetByRole(AriaRole.Button, new() { Name = "开始直播：" + title }).ClickAsync();
        await Expect(item.Locator(".badge")).ToHaveTextAsync("直播中");
        await Expect(visitor.Page.Locator("#live li.card", new() { HasText = title })).ToBeVisibleAsync();
        var badge = visitor.Page.Locator($"[data-district='{District}'] .badge");
        await Expect(badge).ToHaveTextAsync($"{liveBefore + 1} 个直播");

        await item.GetByRole(AriaRole.Button, new() { Name = "结束直播：" + title }).ClickAsync();
        await Expect(item.Locator(".badge")).ToHaveTextAsync("已结束");
        await Expect(visitor.Page.Locator("#past li.card", new() { HasText = title })).ToBeVisibleAsync();
        if (liveBefore == 0)
            await Expect(badge).ToHaveCountAsync(0);
        else
            await Expect(badge).ToHaveTextAsync($"{liveBefore} 个直播");
        Assert.Equal("landing", await visitor.MarkAsync());
        admin.AssertNoScriptErrors();
        visitor.AssertNoScriptErrors();
    }
}

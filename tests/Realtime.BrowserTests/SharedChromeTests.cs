using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Realtime.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Realtime.BrowserTests;

/// <summary>
/// The page chrome every page shares (js/core/chrome.js: the header, the navigation, the sign-in form) and the text
/// limits the forms take from the server (/api/desk/catalogue, from the silo's Desk settings) instead of copies.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SharedChromeTests(BrowserFixture fixture)
{
    private const string District = "210106"; // 铁西区
    private const string Community = "210106001001";

    private static readonly string[] NavLinks = ["首页", "往期节目", "月报", "公开透明", "部门登录", "导播台", "节目管理"];

    [Fact]
    public async Task EveryPage_ShowsTheSharedHeaderNavigationAndCareSwitch_OneHeadingAndTheSkipLink()
    {
        using var backstage = await Backstage.SignInAsync(fixture.Api);
        var programmeId = await backstage.LiveProgrammeAsync("铁西区页面框架检查", [District]);
        (string Path, string? Current)[] pages =
        [
            ("/", "首页"),
            ("/archive.html", "往期节目"),
            ("/reports.html", "月报"),
            ("/transparency.html", "公开透明"),
            ("/department.html", "部门登录"),
            ("/console.html", "导播台"),
            ("/admin.html", "节目管理"),
            ($"/programme.html?id={programmeId}", null),
            ($"/followup.html?programme={programmeId}", null),
            ($"/district.html?code={District}", null),
        ];

        await using var visitor = await fixture.OpenAsync(Viewport.Phone);
        var page = visitor.Page;
        foreach (var (path, current) in pages)
        {
            await visitor.GotoAsync(path, waitForConnection: false);
            var banner = page.GetByRole(AriaRole.Banner);
            await Expect(banner.GetByRole(AriaRole.Link, new() { Name = "沈阳政务公开直播", Exact = true })).ToHaveAttributeAsync("href", "/");
            await Expect(banner.GetByRole(AriaRole.Button, new() { Name = "关怀版" })).ToHaveAttributeAsync("aria-pressed", "false");
            await Expect(page.Locator("h1")).ToHaveCountAsync(1);

            var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "站点导航" });
            await Expect(nav.GetByRole(AriaRole.Link)).ToHaveTextAsync(NavLinks);
            var marked = nav.Locator("a[aria-current='page']");
            if (current is null)
                await Expect(marked).ToHaveCountAsync(0);
            else
                await Expect(marked).ToHaveTextAsync(current);

            // The skip link is the first stop in the tab order; following it puts the focus on the main content.
            var skip = page.GetByRole(AriaRole.Link, new() { Name = "跳到主要内容" });
            Assert.True(await skip.EvaluateAsync<bool>(
                "a => a === document.querySelector('a[href], button, input, select, textarea, [tabindex]:not([tabindex=\"-1\"])')"), path);
            await skip.FocusAsync();
            await Expect(skip).ToBeInViewportAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator("main#main")).ToBeFocusedAsync();
            visitor.AssertNoScriptErrors();
        }
    }

    [Fact]
    public async Task SignInElement_WrongPasswordThenRight_SaysWhyThenShowsWhoIsSignedIn()
    {
        await using var staff = await fixture.OpenAsync(Viewport.Phone);
        var page = staff.Page;
        await staff.GotoAsync("/admin.html", waitForConnection: false);
        var form = page.GetByRole(AriaRole.Region, new() { Name = "工作人员登录" });
        await Expect(form).ToBeVisibleAsync();
        await Expect(page.GetByLabel("用户名")).ToBeFocusedAsync();

        await page.GetByLabel("用户名").FillAsync("admin");
        await page.GetByLabel("密码").FillAsync("not-the-password");
        await form.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Alert)).Not.ToBeEmptyAsync();
        await Expect(page.Locator("#admin")).ToBeHiddenAsync();

        await page.GetByLabel("密码").FillAsync("admin-demo");
        await form.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(form).ToBeHiddenAsync();
        await Expect(page.Locator("#admin")).ToBeVisibleAsync();
        var banner = page.GetByRole(AriaRole.Banner);
        await Expect(banner.Locator("#signed-in")).Not.ToBeEmptyAsync();
        await banner.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await Expect(form).ToBeVisibleAsync();
        staff.AssertNoScriptErrors();
    }

    [Fact]
    public async Task QuestionForm_LimitsComeFromTheServer_MaxlengthCounterAndRefusalFollowTheSilosSetting()
    {
        using var http = fixture.Api.CreateClient();
        var limits = (await http.GetFromJsonAsync<JsonElement>("/api/desk/catalogue")).GetProperty("limits");
        var questionLength = limits.GetProperty("questionLength").GetInt32();
        var nameLength = limits.GetProperty("displayNameLength").GetInt32();
        Assert.Equal(BrowserStack.MaxQuestionLength, questionLength);
        Assert.Equal(BrowserStack.MaxDisplayNameLength, nameLength);

        using var backstage = await Backstage.SignInAsync(fixture.Api);
        var programmeId = await backstage.LiveProgrammeAsync("铁西区文字长度检查", [District]);
        await using var viewer = await fixture.OpenAsync(Viewport.Phone);
        var page = viewer.Page;
        await viewer.GotoAsync($"/programme.html?id={programmeId}");
        await Expect(page.Locator("#q-counter")).ToHaveTextAsync($"0/{questionLength}");
        await page.GetByLabel("匿名提问").UncheckAsync();
        await Expect(page.Locator("#q-nickname")).ToHaveAttributeAsync("maxlength", nameLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("#q-nickname-hint")).ToContainTextAsync($"最多 {nameLength} 个字");

        // One character over the server's limit: the counter says so and the form refuses before sending.
        var tooLong = new string('问', questionLength + 1);
        await page.Locator("#q-text").FillAsync(tooLong);
        await Expect(page.Locator("#q-counter")).ToHaveTextAsync($"{questionLength + 1}/{questionLength} · 超出 1 个字");
        await page.Locator("#q-community").SelectOptionAsync(Community);
        await page.Locator("#ask-submit").ClickAsync();
        await Expect(page.Locator("#ask-error")).ToHaveTextAsync("超出 1 个字");
        await Expect(page.Locator("#q-text")).ToHaveAttributeAsync("aria-invalid", "true");

        // Exactly at the limit the server accepts it.
        await page.Locator("#q-text").FillAsync(tooLong[..questionLength]);
        await page.Locator("#ask-submit").ClickAsync();
        await Expect(page.Locator("#mine li.question .badge")).ToHaveTextAsync("待审核");
        viewer.AssertNoScriptErrors();
    }
}

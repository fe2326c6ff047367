using Microsoft.Playwright;
using Realtime.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Realtime.BrowserTests;

/// <summary>
/// 关怀版 (elder mode, 《互联网网站适老化通用设计规范》): one switch in every page's header, remembered across pages
/// and visits; at least 18 px text with 1.5 line height, 44 px touch targets; at 200 % zoom on a 360 px phone no page
/// scrolls sideways, and axe-core still finds nothing serious.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CareModeTests(BrowserFixture fixture)
{
    private const string Community = "210104001001";

    private sealed class Text
    {
        public double FontSize { get; set; }
        public double LineHeight { get; set; }
    }

    [Fact]
    public async Task CareMode_SwitchedOnOnce_IsRememberedOnEveryPageWithLargeTextAndTargets()
    {
        var pages = await PagesAsync();
        await using var user = await fixture.OpenAsync(Viewport.Phone);
        var page = user.Page;
        await user.GotoAsync("/");
        var toggle = page.Locator("#care-toggle");
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        var standard = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.body).fontSize)");
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-care", "on");
        Assert.True(await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.body).fontSize)") > standard);

        foreach (var (name, path, ready, role) in pages)
        {
            await OpenAsync(user, path, ready, role);
            // Remembered: the page starts in care mode and its switch says so.
            await Expect(page.Locator("html")).ToHaveAttributeAsync("data-care", "on");
            await Expect(page.Locator("#care-toggle")).ToHaveAttributeAsync("aria-pressed", "true");
            if (name != "display")
            {
                var body = await page.EvaluateAsync<Text>("() => { const s = getComputedStyle(document.body); return { fontSize: parseFloat(s.fontSize), lineHeight: parseFloat(s.lineHeight) }; }");
                Assert.True(body.FontSize >= 18, $"{name}: body text is {body.FontSize} px");
                Assert.True(body.LineHeight >= 1.5 * body.FontSize, $"{name}: line height {body.LineHeight} px for {body.FontSize} px text");
                // Every piece of text in the page body comes to at least 18 px; every button is at least 44 px high.
                var small = await page.EvaluateAsync<string[]>(
                    """
                    () => [...document.querySelectorAll("main *, header *")]
                      .filter((e) => e.offsetParent !== null && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
                      .filter((e) => !e.closest(".visually-hidden"))
                      .filter((e) => parseFloat(getComputedStyle(e).fontSize) < 18)
                      .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${getComputedStyle(e).fontSize} “${e.textContent.trim().slice(0, 20)}”`)
                    """);
                Assert.True(small.Length == 0, $"{name}: text below 18 px: {string.Join("; ", small.Take(10))}");
                var lowTargets = await page.EvaluateAsync<string[]>(
                    """
                    () => [...document.querySelectorAll("button, select, input[type=text], input[type=password]")]
                      .filter((e) => e.offsetParent !== null && e.getBoundingClientRect().height < 44)
                      .map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className} ${Math.round(e.getBoundingClientRect().height)} px`)
                    """);
                Assert.True(lowTargets.Length == 0, $"{name}: touch targets under 44 px: {string.Join("; ", lowTargets.Take(10))}");
            }
            await user.ScreenshotAsync(name + "-care");
            user.AssertNoScriptErrors();
        }

        // Switched off again on any page, every page is standard again.
        await page.Locator("#care-toggle").ClickAsync();
        await user.GotoAsync("/");
        await Expect(page.Locator("#care-toggle")).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(page.Locator("html")).Not.ToHaveAttributeAsync("data-care", "on");
    }

    [Fact]
    public async Task CareMode_At200PercentZoomOnA360PxPhone_NoPageScrollsSidewaysAndAxeFindsNothingSerious()
    {
        var pages = await PagesAsync();
        await using var user = await fixture.OpenAsync(Viewport.PhoneZoom200);
        var page = user.Page;
        await user.GotoAsync("/");
        await page.Locator("#care-toggle").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-care", "on");
        Assert.Equal(180, await page.EvaluateAsync<int>("() => document.documentElement.clientWidth"));

        foreach (var (name, path, ready, role) in pages)
        {
            await OpenAsync(user, path, ready, role);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("data-care", "on");
            var overflow = await page.EvaluateAsync<string>(
                """
                () => {
                  const d = document.documentElement;
                  if (d.scrollWidth <= d.clientWidth) return "";
                  const wide = [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > d.clientWidth + 1)
                    .map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className}`).slice(0, 8);
                  return `${d.scrollWidth - d.clientWidth} px too wide: ${wide.join(", ")}`;
                }
                """);
            Assert.True(overflow.Length == 0, $"{name} in care mode at 200 % zoom: {overflow}");
            await user.AssertAccessibleAsync(name + "-care");
            user.AssertNoScriptErrors();
        }
    }

    /// <summary>Every page in a realistic state: (name, path, element that shows it is ready, staff role to sign in as).</summary>
    private async Task<(string Name, string Path, string Ready, string? Role)[]> PagesAsync()
    {
        using var backstage = await Backstage.SignInAsync(fixture.Api);
        var live = await AccessibilityTests.LiveDeskAsync(backstage, "关怀版检查：大东区老年人优待政策解读");
        var (ended, caseId) = await AccessibilityTests.AnsweredFollowUpAsync(fixture, backstage, "关怀版检查：大东区转办答复");
        var published = await fixture.PublishedRecordingAsync();
        return
        [
            ("landing", "/", $"#live [data-programme='{live}']", null),
            ("programme", $"/programme.html?id={live}", "#on-air .stage-text", null),
            ("display", $"/display.html?community={Community}", $".live-programme[data-programme='{live}'] .on-air-text", null),
            ("archive", "/archive.html", $"#results [data-programme='{published.ProgrammeId}']", null),
            ("archive-player", $"/archive.html?id={published.ProgrammeId}", "#chapters button.chapter", null),
            ("followup", $"/followup.html?case={caseId}", "#case .answer-text", null),
            ("followups", $"/followup.html?programme={ended}", "#cases li.case", null),
            ("reports", "/reports.html", "#table tr[data-key='210104']", null),
            ("district", "/district.html?code=210104", $"[data-programme='{live}']", null),
            ("transparency", "/transparency.html", "#table tbody tr", null),
            ("console-host", $"/console.html?id={live}", "#onair li.q", "host"),
            ("department", "/department.html", "#open-cases li.case", "minzheng"),
            ("admin", "/admin.html", $"#programme-list [data-programme='{live}']", "admin"),
        ];
    }

    private static async Task OpenAsync(BrowserUser user, string path, string ready, string? role)
    {
        await user.Page.GotoAsync(path);
        if (role is not null)
        {
            // Signed in already (the console's sign-in is remembered), or the page asks for it.
            var signIn = user.Page.Locator("#signin-name");
            await Expect(signIn.Or(user.Page.Locator(ready).First)).ToBeVisibleAsync();
            if (await signIn.IsVisibleAsync())
                await user.SignInAsync(role);
        }
        await Expect(user.Page.Locator(ready).First).ToBeVisibleAsync();
    }
}

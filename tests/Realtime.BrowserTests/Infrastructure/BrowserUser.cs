using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Realtime.BrowserTests.Infrastructure;

/// <summary>
/// One person at one browser: a private context (own localStorage, so a distinct viewer identity) with one tab.
/// Uncaught script errors and Content-Security-Policy violations are collected so a test can assert the page never threw.
/// </summary>
public sealed class BrowserUser : IAsyncDisposable
{
    private readonly List<string> _errors = [];

    private BrowserUser(IBrowserContext context, IPage page, Viewport viewport)
    {
        Context = context;
        Page = page;
        Viewport = viewport;
        page.PageError += (_, error) => { lock (_errors) _errors.Add(error); };
        // A script, style, frame or fetch the Content-Security-Policy blocked is an error of the page too.
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                lock (_errors) _errors.Add(message.Text);
        };
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public Viewport Viewport { get; }

    public static async Task<BrowserUser> OpenAsync(IBrowser browser, Uri baseAddress, Viewport viewport)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = viewport.Width, Height = viewport.Height },
            IsMobile = viewport.IsMobile,
            DeviceScaleFactor = viewport.DeviceScaleFactor,
            HasTouch = viewport.IsMobile,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        return new BrowserUser(context, await context.NewPageAsync(), viewport);
    }

    /// <summary>Opens a page and waits until its live connection says it is connected.</summary>
    public async Task GotoAsync(string path, bool waitForConnection = true)
    {
        await Page.GotoAsync(path);
        if (waitForConnection)
            await ExpectConnectedAsync();
    }

    public Task ExpectConnectedAsync() => Expect(Page.Locator("#connection")).ToHaveAttributeAsync("data-status", "connected");

    /// <summary>Signs in on the console or admin page with the demo password.</summary>
    public async Task SignInAsync(string name)
    {
        await Page.Locator("#signin-name").FillAsync(name);
        await Page.Locator("#signin-password").FillAsync(name + "-demo");
        await Page.Locator("#signin-submit").ClickAsync();
        await Expect(Page.Locator("#signin")).ToBeHiddenAsync();
    }

    /// <summary>Marks this tab so a test can tell later that it was not reloaded.</summary>
    public Task MarkAsync(string value) => Page.EvaluateAsync("v => { window.__notReloaded = v; }", value);

    public Task<string?> MarkAsync() => Page.EvaluateAsync<string?>("() => window.__notReloaded ?? null");

    /// <summary>True when an injected script ran (it would set window.__xss).</summary>
    public Task<bool> InjectionRanAsync() => Page.EvaluateAsync<bool>("() => typeof window.__xss !== 'undefined'");

    public void AssertNoScriptErrors()
    {
        lock (_errors)
            Assert.True(_errors.Count == 0, $"{Page.Url} threw: {string.Join("\n", _errors)}");
    }

    public async Task ScreenshotAsync(string name)
    {
        await Screenshots.SaveAsync(Page, $"{name}-{Viewport.Name}.png");
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}

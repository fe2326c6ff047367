using Microsoft.Playwright;
using Realtime.Testing;

namespace Realtime.BrowserTests.Infrastructure;

/// <summary>One silo (with the demo programmes), one LiveApi and one Chromium, shared by every browser test.</summary>
public sealed class BrowserStack : TestStack
{
    protected override bool DemoProgrammes => true;
}

public sealed class BrowserFixture : IAsyncLifetime
{
    public BrowserStack Stack { get; } = new();
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public LiveApiProcess Api => Stack.Api;

    public async Task InitializeAsync()
    {
        // Fail fast, before minutes of process start-up, when the browser is missing.
        Chromium.EnsureInstalled();
        Assertions.SetDefaultExpectTimeout(30_000);
        var stack = Stack.InitializeAsync();
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(Playwright);
        await stack;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        Playwright?.Dispose();
        await Stack.DisposeAsync();
    }

    /// <summary>A new browser profile (its own localStorage: a different viewer) at phone or desktop size.</summary>
    public Task<BrowserUser> OpenAsync(Uri baseAddress, Viewport viewport) => BrowserUser.OpenAsync(Browser, baseAddress, viewport);

    public Task<BrowserUser> OpenAsync(Viewport viewport) => OpenAsync(Api.BaseAddress, viewport);
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

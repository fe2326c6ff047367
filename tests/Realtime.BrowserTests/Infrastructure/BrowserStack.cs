using Microsoft.Playwright;
using Realtime.Testing;

namespace Realtime.BrowserTests.Infrastructure;

/// <summary>One silo (with the demo programmes), one LiveApi and one Chromium, shared by every browser test.</summary>
public sealed class BrowserStack : TestStack
{
    /// <summary>
    /// Longest question the silo accepts here: not the default 300, so a page that copied the default instead of reading
    /// the server's limit fails (SharedChromeTests, QuestionFlowTests).
    /// </summary>
    public const int MaxQuestionLength = 280;

    /// <summary>Longest nickname or caller name the silo accepts here (default 20; longer, so the old copied 20 would show).</summary>
    public const int MaxDisplayNameLength = 24;

    protected override bool DemoProgrammes => true;

    protected override IReadOnlyDictionary<string, string> SiloSettings => new Dictionary<string, string>
    {
        ["Desk__MaxTextLength"] = MaxQuestionLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Desk__MaxDisplayNameLength"] = MaxDisplayNameLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Small upload blocks (the smallest allowed), so a short sample recording travels as several blocks.</summary>
    protected override IReadOnlyDictionary<string, string> LiveApiSettings => new Dictionary<string, string>
    {
        ["Media__BlockSizeBytes"] = MediaSamples.BlockSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _workerLock = new(1, 1);
    private readonly Lock _publishedLock = new();
    private WorkerProcess? _worker;
    private Task<PublishedRecording>? _published;

    public BrowserStack Stack { get; } = new();
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public MediaSamples Samples { get; } = new();

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
        if (_worker is not null)
            await _worker.DisposeAsync();
        await Stack.DisposeAsync();
        Samples.Dispose();
    }

    /// <summary>A new browser profile (its own localStorage: a different viewer) at phone or desktop size.</summary>
    public Task<BrowserUser> OpenAsync(Uri baseAddress, Viewport viewport) => BrowserUser.OpenAsync(Browser, baseAddress, viewport);

    public Task<BrowserUser> OpenAsync(Viewport viewport) => OpenAsync(Api.BaseAddress, viewport);

    /// <summary>A real MediaWorker taking jobs from the shared LiveApi, started by the first test that needs one.</summary>
    public async Task<WorkerProcess> WorkerAsync()
    {
        await _workerLock.WaitAsync();
        try
        {
            if (_worker is null)
            {
                var worker = new WorkerProcess(Api);
                await worker.StartAsync();
                _worker = worker;
            }
            return _worker;
        }
        finally
        {
            _workerLock.Release();
        }
    }

    /// <summary>
    /// One programme with two questions answered on air about four seconds apart (two chapters), ended, its recording
    /// uploaded through the API and transcoded by the worker: published in the archive. Made once, for every test.
    /// </summary>
    public Task<PublishedRecording> PublishedRecordingAsync()
    {
        lock (_publishedLock)
            return _published ??= PublishedRecording.MakeAsync(this);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

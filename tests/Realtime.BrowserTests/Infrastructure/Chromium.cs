using Microsoft.Playwright;

namespace Realtime.BrowserTests.Infrastructure;

/// <summary>The system Chromium (Debian's package), driven by Playwright offline: never `playwright install`.</summary>
public static class Chromium
{
    /// <summary>RT_CHROMIUM overrides the path (for other distributions).</summary>
    public static string ExecutablePath { get; } = Environment.GetEnvironmentVariable("RT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    /// <summary>Fails (never skips) with what to do when the browser is missing.</summary>
    public static void EnsureInstalled()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ExecutablePath}: run `./realtime setup` (it installs chromium with apt). " +
                "Do not run `playwright install`: the browser tests use the system Chromium.");
        }
    }

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        EnsureInstalled();
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Args,
        });
    }
}

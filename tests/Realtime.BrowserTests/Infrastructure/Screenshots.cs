using Microsoft.Playwright;
using Realtime.Testing;

namespace Realtime.BrowserTests.Infrastructure;

/// <summary>
/// Screenshots are test output: tests/Realtime.BrowserTests/TestResults/screenshots (git-ignored), or RT_SCREENSHOTS.
/// With RT_UPDATE_DOCS_SCREENSHOTS=1 they are copied to docs/screenshots for the README as well.
/// </summary>
public static class Screenshots
{
    public static string Folder { get; } = Environment.GetEnvironmentVariable("RT_SCREENSHOTS") is { Length: > 0 } folder
        ? folder
        : Path.Combine(RepoPaths.Root, "tests", "Realtime.BrowserTests", "TestResults", "screenshots");

    private static bool UpdateDocs => Environment.GetEnvironmentVariable("RT_UPDATE_DOCS_SCREENSHOTS") == "1";

    public static async Task SaveAsync(IPage page, string fileName)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, fileName);
        // Let web fonts and the last push settle visually; nothing is asserted on timing.
        await page.EvaluateAsync("() => document.fonts.ready");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled, Caret = ScreenshotCaret.Hide });
        if (UpdateDocs)
        {
            var docs = Path.Combine(RepoPaths.Root, "docs", "screenshots");
            Directory.CreateDirectory(docs);
            File.Copy(path, Path.Combine(docs, fileName), overwrite: true);
        }
    }
}

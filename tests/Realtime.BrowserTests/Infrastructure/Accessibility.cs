using System.Text.Json;
using System.Text.Json.Nodes;
using Realtime.Testing;

namespace Realtime.BrowserTests.Infrastructure;

/// <summary>
/// axe-core (npm, pinned by package-lock, with its zh_CN locale) run on the page a user is looking at. Every run's report
/// is kept as JSON under TestResults/accessibility (or RT_A11Y_REPORTS); serious and critical violations fail the test.
/// </summary>
public static class Accessibility
{
    public static string Folder { get; } = Environment.GetEnvironmentVariable("RT_A11Y_REPORTS") is { Length: > 0 } folder
        ? folder
        : Path.Combine(RepoPaths.Root, "tests", "Realtime.BrowserTests", "TestResults", "accessibility");

    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly Lazy<string> AxeSource = new(() => Read("axe.min.js"));
    private static readonly Lazy<string> Locale = new(() => Read(Path.Combine("locales", "zh_CN.json")));

    private static string Read(string file)
    {
        var path = Path.Combine(RepoPaths.Root, "node_modules", "axe-core", file);
        if (!File.Exists(path))
            throw new InvalidOperationException($"{path} is missing: run `./realtime setup` (npm ci installs axe-core).");
        return File.ReadAllText(path);
    }

    /// <summary>
    /// Checks the page as it is now with axe-core (WCAG 2.x A/AA and best practices), saves the report as
    /// {name}-{viewport}.json and fails on any serious or critical violation, naming the rule and the elements.
    /// enhancedContrast adds WCAG's AAA contrast (7:1) for screens read from across a room.
    /// </summary>
    public static async Task AssertAccessibleAsync(this BrowserUser user, string name, bool enhancedContrast = false)
    {
        var page = user.Page;
        // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern (axe uses no eval).
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await page.EvaluateAsync(AxeSource.Value);
        var json = await page.EvaluateAsync<string>(
            """
            async ([locale, enhanced]) => {
              axe.configure({ locale: JSON.parse(locale) });
              const results = await axe.run(document, {
                resultTypes: ["violations", "incomplete"],
                rules: enhanced ? { "color-contrast-enhanced": { enabled: true } } : {},
              });
              const nodes = (list) => list.map((r) => ({
                id: r.id, impact: r.impact, help: r.help, helpUrl: r.helpUrl, tags: r.tags,
                nodes: r.nodes.map((n) => ({ target: n.target, html: n.html, impact: n.impact, failureSummary: n.failureSummary })),
              }));
              return JSON.stringify({
                url: results.url, timestamp: results.timestamp, engine: results.testEngine, runner: results.testRunner,
                environment: results.testEnvironment, violations: nodes(results.violations), incomplete: nodes(results.incomplete),
                passes: results.passes.map((r) => r.id), inapplicable: results.inapplicable.map((r) => r.id),
              });
            }
            """, new object[] { Locale.Value, enhancedContrast });

        var report = JsonNode.Parse(json)!.AsObject();
        report["check"] = name;
        report["viewport"] = user.Viewport.Name;
        Directory.CreateDirectory(Folder);
        var file = Path.Combine(Folder, $"{name}-{user.Viewport.Name}.json");
        await File.WriteAllTextAsync(file, report.ToJsonString(new JsonSerializerOptions(Readable) { WriteIndented = true }));

        var failures = report["violations"]!.AsArray()
            .Where(v => v!["impact"]?.GetValue<string>() is "serious" or "critical")
            .Select(v => $"{v!["id"]} ({v["impact"]}): {v["help"]}\n" + string.Join("\n", v["nodes"]!.AsArray().Take(15)
                .Select(n => $"    {n!["target"]!.ToJsonString(Readable)}: {n["failureSummary"]?.GetValue<string>().ReplaceLineEndings(" ")}")))
            .ToList();
        Assert.True(failures.Count == 0, $"axe-core found serious or critical problems on {name} ({page.Url}; report {file}):\n{string.Join("\n", failures)}");
    }
}

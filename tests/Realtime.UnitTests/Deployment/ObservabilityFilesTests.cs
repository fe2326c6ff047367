using System.Diagnostics;
using System.Text.Json;
using Realtime.Testing;

namespace Realtime.UnitTests.Deployment;

/// <summary>The alert rules load in Prometheus (its own checker), and the dashboard is well-formed Grafana JSON.</summary>
public sealed class ObservabilityFilesTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "deploy", "observability");

    [Fact]
    public async Task AlertRules_PassPromtool()
    {
        var info = new ProcessStartInfo("promtool", ["check", "rules", Path.Combine(Folder, "alerts.yml")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process? promtool;
        try
        {
            promtool = Process.Start(info);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            promtool = null;
        }
        Assert.True(promtool is not null, "promtool is missing: run ./realtime setup (apt-get install -y prometheus)");
        var output = await promtool.StandardOutput.ReadToEndAsync() + await promtool.StandardError.ReadToEndAsync();
        await promtool.WaitForExitAsync();
        Assert.True(promtool.ExitCode == 0, output);
        Assert.Contains("SUCCESS: 11 rules found", output);
    }

    [Fact]
    public void Dashboard_EveryPanelHasATitleAQueryAndAPlace()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "grafana-dashboard.json")));
        var panels = dashboard.RootElement.GetProperty("panels").EnumerateArray().ToList();
        Assert.True(panels.Count >= 8, $"the dashboard has {panels.Count} panels");
        foreach (var panel in panels)
        {
            Assert.False(string.IsNullOrWhiteSpace(panel.GetProperty("title").GetString()));
            Assert.True(panel.GetProperty("gridPos").GetProperty("w").GetInt32() > 0);
            Assert.All(panel.GetProperty("targets").EnumerateArray(), t => Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("expr").GetString())));
        }
        Assert.Equal(panels.Count, panels.Select(p => p.GetProperty("id").GetInt32()).Distinct().Count());
    }
}

using System.Text.RegularExpressions;
using Realtime.Testing;

namespace Realtime.UnitTests.Docs;

/// <summary>README's hub tables name every method a browser can call and every event the server pushes.</summary>
public sealed partial class HubDocsTests
{
    private static readonly string Hubs = Path.Combine(RepoPaths.Root, "LiveApi", "Hubs");

    [GeneratedRegex(@"^\s*(?:\[[^\]]*\]\s*)*public\s+(?:async\s+)?Task(?:<.+?>)?\s+(\w+)\s*\(", RegexOptions.Multiline)]
    private static partial Regex HubMethod();

    [GeneratedRegex(@"^\s*Task\s+(\w+)\s*\(", RegexOptions.Multiline)]
    private static partial Regex ClientMethod();

    [Theory]
    [InlineData("LiveHub.cs", "/hubs/live")]
    [InlineData("DeskHub.cs", "/hubs/desk")]
    [InlineData("ILiveClient.cs", "/hubs/live")]
    [InlineData("IDeskClient.cs", "/hubs/desk")]
    public void Readme_HubSection_NamesEveryMethodAndEvent(string file, string hub)
    {
        var source = File.ReadAllText(Path.Combine(Hubs, file));
        var names = (file.StartsWith('I') ? ClientMethod() : HubMethod()).Matches(source).Select(m => m.Groups[1].Value)
            .Where(n => n is not ("OnConnectedAsync" or "OnDisconnectedAsync")).Distinct().ToList();
        Assert.NotEmpty(names);

        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var start = readme.IndexOf($"### SignalR hub `{hub}`", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README has no section “SignalR hub `{hub}`”");
        var end = readme.IndexOf("\n### ", start + 1, StringComparison.Ordinal);
        var section = readme[start..(end < 0 ? readme.Length : end)];
        var missing = names.Where(n => !Regex.IsMatch(section, $@"`{n}\b")).ToList();
        Assert.True(missing.Count == 0, $"README's {hub} section does not name: {string.Join(", ", missing)}");
    }
}

using System.Text.RegularExpressions;
using Realtime.Testing;
using YamlDotNet.RepresentationModel;

namespace Realtime.UnitTests.Deployment;

/// <summary>
/// The Kubernetes manifests and the container build cannot run here; their shape can be checked: every document is a
/// named resource in the namespace, every container has an image, resources and health probes on a declared port,
/// and every setting they pass is one the processes actually read.
/// </summary>
public sealed partial class ManifestTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "deploy", "kubernetes");

    public static TheoryData<string> Files() => [.. Directory.GetFiles(Folder, "*.yaml").Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryDocument_IsANamedResourceInTheNamespace(string file)
    {
        foreach (var doc in Documents(file))
        {
            Assert.False(string.IsNullOrEmpty(Text(doc, "apiVersion")), $"{file}: a document without apiVersion");
            var kind = Text(doc, "kind");
            Assert.False(string.IsNullOrEmpty(kind), $"{file}: a document without kind");
            Assert.False(string.IsNullOrEmpty(Text(Map(doc, "metadata"), "name")), $"{file}: a {kind} without a name");
            if (kind != "Namespace")
                Assert.Equal("shenyang-realtime", Text(Map(doc, "metadata"), "namespace"));
        }
    }

    [Fact]
    public void Deployments_HaveImageResourcesAndProbesOnDeclaredPorts_SelectorsMatchTheirPods()
    {
        var deployments = AllDocuments().Where(d => Text(d, "kind") == "Deployment").ToList();
        Assert.Equal(["liveapi", "mediaworker", "silo"], deployments.Select(d => Text(Map(d, "metadata"), "name")).Order());
        foreach (var deployment in deployments)
        {
            var spec = Map(deployment, "spec");
            var template = Map(spec, "template");
            var labels = Map(Map(template, "metadata"), "labels");
            foreach (var (key, value) in Map(Map(spec, "selector"), "matchLabels").Children)
                Assert.Equal(((YamlScalarNode)value).Value, Text(labels, ((YamlScalarNode)key).Value!));
            foreach (var container in Seq(Map(template, "spec"), "containers").Cast<YamlMappingNode>())
            {
                Assert.Matches("^registry\\.example\\.cn/realtime/[a-z]+:", Text(container, "image"));
                Assert.False(string.IsNullOrEmpty(Text(Map(Map(container, "resources"), "requests"), "cpu")));
                var ports = Seq(container, "ports").Cast<YamlMappingNode>().Select(p => Text(p, "name")).ToHashSet();
                foreach (var (probe, path) in new[] { ("livenessProbe", "/health/live"), ("readinessProbe", "/health/ready") })
                {
                    var get = Map(Map(container, probe), "httpGet");
                    Assert.Equal(path, Text(get, "path"));
                    Assert.Contains(Text(get, "port"), ports);
                }
            }
        }
    }

    [Fact]
    public void EverySettingPassed_IsReadByTheProcesses()
    {
        var sections = SettingsSections();
        var keys = AllDocuments().SelectMany(SettingKeys).Distinct().ToList();
        Assert.Contains("Auth__SigningKey", keys);
        foreach (var key in keys.Where(k => k.Contains("__", StringComparison.Ordinal)))
        {
            var parts = key.Split("__");
            Assert.True(sections.TryGetValue(parts[0], out var properties), $"{key}: no settings class has Section = \"{parts[0]}\"");
            Assert.True(properties.Contains(parts[1]), $"{key}: the \"{parts[0]}\" settings have no property {parts[1]}");
        }
    }

    [Fact]
    public void ContainerBuild_HasATargetPerProcess_RunningItsAssembly()
    {
        var dockerfile = File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "containers", "Dockerfile"));
        foreach (var (target, assembly) in new[] { ("silo", "Realtime.Silo"), ("liveapi", "Realtime.LiveApi"), ("mediaworker", "Realtime.MediaWorker") })
        {
            var stage = Regex.Match(dockerfile, $@"FROM \S+ AS {target}\n(.*?)(?=\nFROM |\z)", RegexOptions.Singleline);
            Assert.True(stage.Success, $"no build target {target}");
            Assert.Contains($"ENTRYPOINT [\"dotnet\", \"{assembly}.dll\"]", stage.Value);
            Assert.Contains("USER app", stage.Value);
            var project = Directory.GetFiles(RepoPaths.Root, assembly + ".csproj", SearchOption.AllDirectories).Single();
            Assert.Contains(Path.GetRelativePath(RepoPaths.Root, project), dockerfile);
        }
        Assert.Contains("apt-get install -y --no-install-recommends ffmpeg", dockerfile);
    }

    /// <summary>Environment names (env[].name, ConfigMap and Secret data keys) that look like configuration keys.</summary>
    private static IEnumerable<string> SettingKeys(YamlMappingNode doc)
    {
        var kind = Text(doc, "kind");
        if (kind is "ConfigMap" or "Secret")
        {
            var data = doc.Children.ContainsKey("data") ? Map(doc, "data") : Map(doc, "stringData");
            return data.Children.Keys.Select(k => ((YamlScalarNode)k).Value!);
        }
        if (kind != "Deployment")
            return [];
        return Seq(Map(Map(Map(doc, "spec"), "template"), "spec"), "containers").Cast<YamlMappingNode>()
            .SelectMany(c => c.Children.ContainsKey("env") ? Seq(c, "env").Cast<YamlMappingNode>() : [])
            .Select(e => Text(e, "name"))
            .Where(n => !n.StartsWith("POD_", StringComparison.Ordinal) && !n.EndsWith("_ENVIRONMENT", StringComparison.Ordinal));
    }

    /// <summary>Section name → property names, read from the settings classes of the three processes.</summary>
    private static Dictionary<string, HashSet<string>> SettingsSections()
    {
        var found = new Dictionary<string, HashSet<string>>();
        foreach (var file in new[] { "Silo", "LiveApi", "MediaWorker", "Grains", "ServiceDefaults" }
                     .SelectMany(d => Directory.GetFiles(Path.Combine(RepoPaths.Root, d), "*.cs", SearchOption.AllDirectories))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var source = File.ReadAllText(file);
            foreach (Match type in SettingsClass().Matches(source))
            {
                var section = type.Groups["section"].Value;
                if (!found.TryGetValue(section, out var properties))
                    found[section] = properties = [];
                foreach (Match property in Property().Matches(type.Groups["body"].Value))
                    properties.Add(property.Groups[1].Value);
            }
        }
        return found;
    }

    private static IEnumerable<YamlMappingNode> AllDocuments() => Directory.GetFiles(Folder, "*.yaml").SelectMany(f => Documents(Path.GetFileName(f)));

    private static IEnumerable<YamlMappingNode> Documents(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Folder, file));
        stream.Load(reader);
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode);
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    private static YamlSequenceNode Seq(YamlMappingNode node, string key) => (YamlSequenceNode)node[key];

    private static string Text(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value ?? "" : "";

    [GeneratedRegex(@"class \w+(?:\s*:\s*[\w, ]+)?\s*\{\s*public const string Section = ""(?<section>\w+)"";(?<body>.*?)\n\}", RegexOptions.Singleline)]
    private static partial Regex SettingsClass();

    [GeneratedRegex(@"public [\w<>?,\[\] ]+ (\w+) \{ get; set; \}")]
    private static partial Regex Property();
}

namespace Realtime.Testing;

/// <summary>Where the repository and the built binaries are, seen from a test assembly.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the configuration the tests themselves were built in.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    public static string Binary(string project, string assembly)
    {
        var path = Path.Combine(Root, project, "bin", Configuration, "net10.0", assembly + ".dll");
        if (!File.Exists(path))
            throw new InvalidOperationException($"{path} is missing: build first with `./realtime setup` (or `dotnet build -c {Configuration}`).");
        return path;
    }

    public static string Azurite
    {
        get
        {
            var path = Path.Combine(Root, "node_modules", "azurite", "dist", "src", "azurite.js");
            if (!File.Exists(path))
                throw new InvalidOperationException($"Azurite is not installed at {path}: run `./realtime setup` (it runs `npm ci`).");
            return path;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Realtime.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Realtime.sln not found above " + AppContext.BaseDirectory);
    }
}

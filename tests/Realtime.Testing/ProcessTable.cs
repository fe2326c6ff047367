namespace Realtime.Testing;

/// <summary>What is running on this machine, read from /proc (Linux).</summary>
public static class ProcessTable
{
    /// <summary>Ids of live (not zombie) processes whose command line mentions <paramref name="text"/>.</summary>
    public static IReadOnlyList<int> Mentioning(string text)
    {
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == Environment.ProcessId)
                continue;
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                if (commandLine.Contains(text, StringComparison.Ordinal) && !stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z'))
                    found.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked.
            }
        }
        return found;
    }
}

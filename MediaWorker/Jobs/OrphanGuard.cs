using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Realtime.MediaWorker.Jobs;

/// <summary>
/// No ffmpeg outlives its worker, even a SIGKILLed one. Every job of this worker runs in the worker's own scratch folder
/// (<see cref="Folder"/>, named after its process id), and so does every ffmpeg (its working directory is the job's
/// output folder). Beside the worker runs a guard: a tiny shell that reads a pipe whose only writer is this worker. The
/// kernel closes that pipe when the worker dies, however it dies; the guard then kills every process whose working
/// directory is inside the folder and deletes it. On a normal stop the same happens with nothing left to kill.
/// If the guard itself was killed too (a whole process group), the next worker to start on the same scratch root
/// reaps what was left (<see cref="ReapLeftovers"/>).
/// </summary>
public sealed class OrphanGuard : IDisposable
{
    private const string Prefix = "rt-worker-";

    // $1 is the folder. `cat` returns at end of file: when the worker is gone. The $(...) subshells run in "/", so only
    // processes working inside the folder match.
    private const string Script = """
        cat >/dev/null
        for p in /proc/[0-9]*; do
          case "$(readlink "$p/cwd" 2>/dev/null)" in "$1"|"$1"/*) kill -KILL "${p#/proc/}" 2>/dev/null ;; esac
        done
        rm -rf -- "$1"
        """;

    private readonly Process? _guard;

    private OrphanGuard(string folder, Process? guard)
    {
        Folder = folder;
        _guard = guard;
    }

    /// <summary>This worker's scratch folder; jobs make their folders inside it.</summary>
    public string Folder { get; }

    /// <summary>True when the guard process runs (it needs /bin/sh and /proc, as on every Linux).</summary>
    public bool Guarding => _guard is { HasExited: false };

    /// <summary>Creates this worker's folder under <paramref name="root"/> and starts its guard.</summary>
    public static OrphanGuard Start(string root, Action<string>? unavailable = null)
    {
        var folder = Path.GetFullPath(Path.Combine(root, $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}"));
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo("/bin/sh", ["-c", Script, "orphan-guard", folder])
        {
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        try
        {
            return new OrphanGuard(folder, Process.Start(start));
        }
        catch (Win32Exception e)
        {
            unavailable?.Invoke(e.Message);
            return new OrphanGuard(folder, null);
        }
    }

    /// <summary>
    /// Kills what workers that died without their guard left running under <paramref name="root"/>, and deletes their
    /// folders. A folder belongs to a dead worker when no process has the id in its name (or it is not a worker's).
    /// </summary>
    /// <returns>The folders reaped, with the number of processes killed in each.</returns>
    public static IReadOnlyList<(string Folder, int Killed)> ReapLeftovers(string root)
    {
        if (!Directory.Exists(root))
            return [];
        var reaped = new List<(string, int)>();
        foreach (var folder in Directory.EnumerateDirectories(root, Prefix + "*"))
        {
            var pid = Path.GetFileName(folder)[Prefix.Length..].Split('-')[0];
            if (!int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || IsRunningDotnet(id))
                continue;
            var killed = KillInside(folder);
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
            reaped.Add((folder, killed));
        }
        return reaped;
    }

    /// <summary>Closes the pipe: the guard cleans the folder up and ends.</summary>
    public void Dispose()
    {
        if (_guard is null)
            return;
        try
        {
            _guard.StandardInput.Close();
        }
        catch (IOException) { }
        _guard.Dispose();
    }

    private static int KillInside(string folder)
    {
        var killed = 0;
        foreach (var proc in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(proc), out var id) || id == Environment.ProcessId)
                continue;
            try
            {
                var cwd = new DirectoryInfo(Path.Combine(proc, "cwd")).LinkTarget;
                if (cwd is null || !(cwd == folder || cwd.StartsWith(folder + "/", StringComparison.Ordinal)))
                    continue;
                using var process = Process.GetProcessById(id);
                process.Kill();
                killed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or Win32Exception)
            {
                // Gone meanwhile, or not ours to look at.
            }
        }
        return killed;
    }

    // The id of a dead worker may have been given to another process since; only a running .NET process counts as a worker.
    private static bool IsRunningDotnet(int id)
    {
        try
        {
            var command = File.ReadAllText($"/proc/{id}/cmdline");
            return command.Contains("dotnet", StringComparison.Ordinal) || command.Contains("MediaWorker", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }
}

using System.Diagnostics;

namespace Realtime.MediaBench;

/// <summary>ffmpeg started plainly, as a person would at a shell.</summary>
public static class Ffmpeg
{
    public static async Task RunAsync(string workingDirectory, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("ffmpeg", arguments) { WorkingDirectory = workingDirectory, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"ffmpeg exited with {process.ExitCode}: {string.Join(' ', arguments)}");
    }

    /// <summary>Our arguments without the progress pipe nobody would read by hand.</summary>
    public static Task RunByHandAsync(IReadOnlyList<string> arguments, string output)
    {
        Directory.CreateDirectory(output);
        var plain = arguments.ToList();
        var progress = plain.IndexOf("-progress");
        plain.RemoveRange(progress, 2);
        return RunAsync(output, plain);
    }
}

using System.Diagnostics;
using System.ComponentModel;

namespace Realtime.MediaWorker.Tools;

/// <summary>Finds out whether an ffmpeg-family tool runs, and which version it is.</summary>
public static class ToolVersion
{
    /// <summary>The first line of `tool -version`, or null when the tool cannot be started.</summary>
    public static async Task<string?> ReadAsync(string executable, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable, ["-hide_banner", "-version"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using var process = Process.Start(start);
            if (process is null)
                return null;
            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode == 0 ? output.Split('\n', 2)[0].Trim() : null;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }
}

using System.Diagnostics;
using System.Globalization;

namespace Realtime.MediaTests.Support;

/// <summary>Runs ffmpeg / ffprobe from tests (to make sources and inspect outputs).</summary>
public static class Tools
{
    public const string Missing =
        "ffmpeg/ffprobe are required by the media tests and were not found: install them with "
        + "`sudo apt-get install -y ffmpeg` (or run `./realtime setup`).";

    public static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await errors}");
        return await output;
    }

    /// <summary>Makes a clip with ffmpeg's test sources; quick settings, the content does not matter.</summary>
    public static Task FfmpegAsync(params string[] arguments) =>
        RunAsync("ffmpeg", ["-hide_banner", "-nostdin", "-y", "-loglevel", "error", .. arguments]);

    /// <summary>Values of one ffprobe entry, e.g. ("stream=codec_type", "v") → ["video"].</summary>
    public static async Task<string[]> ProbeAsync(string path, string entries, string? streams = null)
    {
        string[] select = streams is null ? [] : ["-select_streams", streams];
        var output = await RunAsync("ffprobe", ["-v", "error", .. select, "-show_entries", entries, "-of", "csv=p=0", path]);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Presentation times of the video keyframes, read from packet flags (no decoding).</summary>
    public static async Task<double[]> KeyframeTimesAsync(string path)
    {
        var packets = await ProbeAsync(path, "packet=pts_time,flags", "v:0");
        return packets.Select(p => p.Split(','))
            .Where(p => p.Length == 2 && p[1].StartsWith('K'))
            .Select(p => double.Parse(p[0], CultureInfo.InvariantCulture))
            .ToArray();
    }
}

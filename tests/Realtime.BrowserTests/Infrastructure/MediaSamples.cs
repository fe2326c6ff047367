using System.Diagnostics;

namespace Realtime.BrowserTests.Infrastructure;

/// <summary>Short recordings made by the real ffmpeg from its test sources (lavfi), once per run, in a temporary folder.</summary>
public sealed class MediaSamples : IDisposable
{
    /// <summary>The upload block size of the browser stack (the smallest LiveApi allows): a 12 s sample is about 11 blocks.</summary>
    public const int BlockSize = 256 * 1024;

    private readonly string _folder = Directory.CreateTempSubdirectory("rt-browser-media-").FullName;
    private readonly Dictionary<string, Task<string>> _made = [];

    /// <summary>12 s of 640×360 test pattern with a 440 Hz tone, H.264 + AAC in MP4.</summary>
    public Task<string> InterviewAsync() => MakeAsync("采访录像.mp4",
        "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
        "-t", "12", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest");

    /// <summary>
    /// A whole show's recording of 640×360 with a tone: as long as the programme ran (whole seconds, at least 12), so
    /// its chapters fall inside it however slowly a busy machine ran the show.
    /// </summary>
    public Task<string> ShowAsync(int seconds) => MakeAsync($"节目录像-{seconds}s.mp4",
        "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
        "-t", Math.Max(12, seconds).ToString(System.Globalization.CultureInfo.InvariantCulture), "-c:v", "libx264", "-preset", "ultrafast",
        "-c:a", "aac", "-shortest");

    /// <summary>40 s of 1280×720: three rungs, so the worker publishes an early replay long before it finishes.</summary>
    public Task<string> LongInterviewAsync() => MakeAsync("长采访录像.mp4",
        "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
        "-t", "40", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest");

    /// <summary>6 s of a phone held upright: 360×640 at 30 fps with sound.</summary>
    public Task<string> PortraitPhoneAsync() => MakeAsync("手机竖屏录像.mp4",
        "-f", "lavfi", "-i", "testsrc2=size=360x640:rate=30", "-f", "lavfi", "-i", "sine=frequency=500:sample_rate=48000",
        "-t", "6", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest");

    /// <summary>10 s of a 300 Hz tone, AAC in M4A: a radio programme's recording.</summary>
    public Task<string> HotlineAsync() => MakeAsync("热线录音.m4a",
        "-f", "lavfi", "-i", "sine=frequency=300:sample_rate=44100", "-t", "10", "-c:a", "aac");

    public static int BlocksOf(string file) => (int)((new FileInfo(file).Length + BlockSize - 1) / BlockSize);

    private Task<string> MakeAsync(string name, params string[] args)
    {
        lock (_made)
        {
            if (!_made.TryGetValue(name, out var made))
                _made[name] = made = RunAsync(Path.Combine(_folder, name), args);
            return made;
        }
    }

    private static async Task<string> RunAsync(string path, string[] args)
    {
        var info = new ProcessStartInfo("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", .. args, path]) { RedirectStandardError = true };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("ffmpeg is missing: run ./realtime setup (apt-get install -y ffmpeg).");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"ffmpeg could not make {Path.GetFileName(path)}: {error}");
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still open by a dying process: the temporary folder is cleaned by the system later
        }
    }
}

using System.Diagnostics;

namespace Realtime.Testing;

/// <summary>
/// A studio encoder played by the real ffmpeg: a test pattern (lavfi testsrc2) and a tone, in real time (-re), sent as
/// MPEG-TS over SRT in caller mode to the address and passphrase the admin page shows — what OBS or vMix would send.
/// </summary>
public sealed class StudioEncoder : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _errors;

    private StudioEncoder(Process process)
    {
        _process = process;
        _errors = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Starts sending for <paramref name="seconds"/>; <paramref name="size"/> null sends sound only (radio).</summary>
    public static StudioEncoder Start(string address, string passphrase, int seconds, string? size = "854x480")
    {
        var args = new List<string> { "-hide_banner", "-loglevel", "error", "-nostdin", "-re" };
        if (size is not null)
            args.AddRange(["-f", "lavfi", "-i", $"testsrc2=size={size}:rate=25"]);
        args.AddRange(["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", seconds.ToString()]);
        if (size is not null)
            args.AddRange(["-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "25", "-pix_fmt", "yuv420p"]);
        args.AddRange(["-c:a", "aac", "-b:a", "96k", "-f", "mpegts", $"srt://{address}?passphrase={passphrase}&pbkeylen=16&connect_timeout=5000"]);
        var info = new ProcessStartInfo("ffmpeg", args) { RedirectStandardError = true, UseShellExecute = false };
        return new StudioEncoder(Process.Start(info) ?? throw new InvalidOperationException("ffmpeg is missing: run ./realtime setup (apt-get install -y ffmpeg)."));
    }

    /// <summary>Waits until the encoder stops (its time is up or the connection was refused); returns its exit code and errors.</summary>
    public async Task<(int ExitCode, string Errors)> WaitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        return (_process.ExitCode, await _errors);
    }

    /// <summary>Drops the connection now, as a studio losing its network would.</summary>
    public void Drop()
    {
        if (!_process.HasExited)
            _process.Kill();
    }

    public async ValueTask DisposeAsync()
    {
        Drop();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}

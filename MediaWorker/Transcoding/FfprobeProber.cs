using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Realtime.MediaWorker.Transcoding;

/// <summary>Runs ffprobe (JSON output, parsed by <see cref="FfprobeJson"/>) and reads the file's first bytes.</summary>
public sealed class FfprobeProber(string executable = "ffprobe", TimeSpan? timeout = null) : IMediaProber
{
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(60);

    public async Task<ProbeReport> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        var size = new FileInfo(path).Length;
        if (size == 0)
            return new ProbeReport(0, null, null, HeaderLooksLikeMedia: false);

        var header = new byte[MediaSignature.HeaderLength];
        int read;
        await using (var file = File.OpenRead(path))
            read = await file.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        var looksLikeMedia = MediaSignature.LooksLikeMedia(header.AsSpan(0, read));

        var input = FfmpegSyntax.InputFile(path);
        var (exitCode, output, errors) = await RunAsync(
            ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", "-show_error", input],
            cancellationToken);
        var probe = exitCode == 0 && output.Length > 0 ? FfprobeJson.Parse(output) : null;
        if (probe is null)
            return new ProbeReport(size, null, FirstNonEmpty(errors, FfprobeJson.Error(output)), looksLikeMedia);

        return new ProbeReport(size, probe, null, looksLikeMedia, await EndReadableAsync(probe, input, cancellationToken));
    }

    /// <summary>
    /// A file cut off during upload can still carry a complete index claiming the full duration (an MP4 with its
    /// index at the front). Reading the packets of the last seconds tells. Only for containers whose duration is
    /// exact: for MP3 or TS the duration is estimated from the size, and a short read proves nothing.
    /// </summary>
    private async Task<bool?> EndReadableAsync(MediaProbe probe, string input, CancellationToken cancellationToken)
    {
        if (probe.Duration is not { } duration || !(probe.Container.Contains("mp4", StringComparison.Ordinal)
                || probe.Container.Contains("matroska", StringComparison.Ordinal)))
            return null;
        var from = Math.Max(0, duration.TotalSeconds - 5).ToString("0.###", CultureInfo.InvariantCulture);
        var (exitCode, output, _) = await RunAsync(
        [
            "-v", "error", "-read_intervals", from + "%", "-select_streams", probe.Video is null ? "a:0" : "V:0",
            "-show_entries", "packet=pts_time", "-of", "csv=p=0", input,
        ], cancellationToken);
        if (exitCode != 0)
            return false;
        var tolerance = Math.Max(3, duration.TotalSeconds / 100);
        return FfprobeJson.LastPacketTime(output) is { } last && last + tolerance >= duration.TotalSeconds;
    }

    private async Task<(int ExitCode, string Output, string Errors)> RunAsync(IEnumerable<string> arguments,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new ToolMissingException(executable, e);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited just now.
            }
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            return (-1, "", $"ffprobe gave no answer within {_timeout.TotalSeconds:0} s");
        }
        return (process.ExitCode, await output, await errors);
    }

    private static string? FirstNonEmpty(params string?[] texts) =>
        texts.Select(t => t?.Trim()).FirstOrDefault(t => !string.IsNullOrEmpty(t));
}

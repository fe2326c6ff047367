using System.Globalization;
using FFMpegCore;
using FFMpegCore.Exceptions;

namespace Realtime.MediaWorker.Transcoding;

/// <summary>
/// Probes through FFMpegCore (<see cref="FFProbe.AnalyseAsync(string, FFOptions?, string?, CancellationToken)"/>, mapped
/// by <see cref="ProbeMapping"/>) and reads the file's first bytes, so an unreadable file can be told apart from a
/// document renamed .mp4.
/// </summary>
public sealed class FfprobeProber(string executable = "ffprobe", TimeSpan? timeout = null) : IMediaProber
{
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(60);
    private readonly FFOptions _options = FfmpegTools.Options(executable, workingDirectory: null);

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

        var (analysis, error) = await RunAsync(token => FFProbe.AnalyseAsync(path, _options, null, token), cancellationToken);
        if (analysis is null)
            return new ProbeReport(size, null, error, looksLikeMedia);
        var probe = ProbeMapping.From(analysis);
        return new ProbeReport(size, probe, null, looksLikeMedia, await EndReadableAsync(probe, path, cancellationToken));
    }

    /// <summary>
    /// A file cut off during upload can still carry a complete index claiming the full duration (an MP4 with its
    /// index at the front). Reading the packets of the last seconds tells. Only for containers whose duration is
    /// exact: for MP3 or TS the duration is estimated from the size, and a short read proves nothing.
    /// </summary>
    private async Task<bool?> EndReadableAsync(MediaProbe probe, string path, CancellationToken cancellationToken)
    {
        if (probe.Duration is not { } duration || !(probe.Container.Contains("mp4", StringComparison.Ordinal)
                || probe.Container.Contains("matroska", StringComparison.Ordinal)))
            return null;
        var from = Math.Max(0, duration.TotalSeconds - 5).ToString("0.###", CultureInfo.InvariantCulture);
        var stream = probe.Video is null ? "a:0" : "V:0";
        var (packets, _) = await RunAsync(token => FFProbe.GetPacketsAsync(path, _options,
            $"-read_intervals {from}% -select_streams {stream}", token), cancellationToken);
        if (packets is null)
            return false;
        var tolerance = Math.Max(3, duration.TotalSeconds / 100);
        return ProbeMapping.LastPacketTime(packets) is { } last && last + tolerance >= duration.TotalSeconds;
    }

    /// <summary>One ffprobe run with the probe timeout; null and ffprobe's own words when it could not read the file.</summary>
    private async Task<(T? Result, string? Error)> RunAsync<T>(Func<CancellationToken, Task<T>> probe, CancellationToken cancellationToken)
        where T : class
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        try
        {
            return (await probe(deadline.Token), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"ffprobe gave no answer within {_timeout.TotalSeconds:0} s"));
        }
        catch (FFProbeProcessException e)
        {
            return (null, e.StandardError.Select(l => l.Trim()).LastOrDefault(l => l.Length > 0));
        }
        catch (FormatNullException)
        {
            return (null, "ffprobe found no container format");
        }
        catch (Exception e) when (FfmpegTools.IsMissing(e))
        {
            throw new ToolMissingException(FfmpegTools.BinaryPath(_options, "ffprobe"), e);
        }
    }
}

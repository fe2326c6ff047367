namespace Realtime.MediaWorker.Transcoding;

/// <summary>Runs one ffmpeg command to its end; a fake stands in for it in tests.</summary>
public interface IFfmpegRunner
{
    /// <summary>
    /// Runs ffmpeg and reports its progress. On cancellation ffmpeg is killed and waited for, then
    /// <see cref="OperationCanceledException"/> is thrown; no ffmpeg outlives this call in any case.
    /// </summary>
    Task<FfmpegRunResult> RunAsync(FfmpegRunRequest request, IProgress<TranscodeProgress>? progress,
        CancellationToken cancellationToken);
}

/// <summary>One ffmpeg command.</summary>
/// <param name="Arguments">Passed one by one (never as one string to be split again).</param>
/// <param name="WorkingDirectory">The output folder; output names in the arguments are relative to it.</param>
/// <param name="MediaDuration">Source duration, to turn ffmpeg's out_time into a percentage.</param>
/// <param name="StallTimeout">ffmpeg is killed when its progress stands still this long.</param>
/// <param name="StderrTailLines">Lines of stderr kept for the failure report.</param>
public sealed record FfmpegRunRequest(
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    TimeSpan? MediaDuration,
    TimeSpan StallTimeout,
    int StderrTailLines = 40);

/// <summary>How an ffmpeg run ended.</summary>
/// <param name="Failure">Null on success; otherwise what went wrong, in words.</param>
/// <param name="StderrTail">The last lines ffmpeg wrote to stderr; never empty when the run failed.</param>
public sealed record FfmpegRunResult(
    bool Succeeded,
    int ExitCode,
    FailureReason? Failure,
    IReadOnlyList<string> StderrTail);

/// <summary>ffmpeg or ffprobe cannot be started: the machine is not set up, not the recording's fault.</summary>
public sealed class ToolMissingException(string tool, Exception inner) : InvalidOperationException(
    $"'{tool}' cannot be run: install it with `sudo apt-get install -y ffmpeg` (or run `./realtime setup`), "
    + "or set Worker:Ffmpeg / Worker:Ffprobe to its path.", inner)
{
    public string Tool { get; } = tool;
}

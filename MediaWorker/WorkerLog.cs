namespace Realtime.MediaWorker;

internal static partial class WorkerLog
{
    [LoggerMessage(4001, LogLevel.Critical,
        "'{Tool}' cannot be run. Install it with `sudo apt-get install -y ffmpeg` (or run `./realtime setup`), or set Worker:Ffmpeg / Worker:Ffprobe to its path.")]
    public static partial void ToolMissing(ILogger logger, string tool);

    [LoggerMessage(4002, LogLevel.Information, "Found {Tool}: {Version}")]
    public static partial void ToolFound(ILogger logger, string tool, string version);

    [LoggerMessage(4003, LogLevel.Information, "MediaWorker ready")]
    public static partial void Ready(ILogger logger);

    [LoggerMessage(4010, LogLevel.Information, "No Jobs:Key configured: this worker checks its tools and takes no jobs")]
    public static partial void NoKey(ILogger logger);

    [LoggerMessage(4011, LogLevel.Warning, "Leasing a job failed: {Code} {Detail}")]
    public static partial void LeaseFailed(ILogger logger, string code, string detail);

    [LoggerMessage(4012, LogLevel.Information, "Leased job {JobId} ({Kind}, attempt {Attempt})")]
    public static partial void JobLeased(ILogger logger, string jobId, string kind, int attempt);

    [LoggerMessage(4013, LogLevel.Information, "Job {JobId} succeeded ({Seconds:F0} s of media)")]
    public static partial void JobSucceeded(ILogger logger, string jobId, double seconds);

    [LoggerMessage(4014, LogLevel.Warning, "Job {JobId} failed: {Reasons} (retryable: {Retryable})")]
    public static partial void JobFailed(ILogger logger, string jobId, string reasons, bool retryable);

    [LoggerMessage(4015, LogLevel.Information, "Job {JobId} stopped (cancelled, lease lost or worker stopping)")]
    public static partial void JobStopped(ILogger logger, string jobId);

    [LoggerMessage(4016, LogLevel.Error, "Job {JobId} crashed")]
    public static partial void JobCrashed(ILogger logger, string jobId, Exception exception);

    [LoggerMessage(4017, LogLevel.Warning, "Heartbeat to LiveApi failed: {Detail}")]
    public static partial void HeartbeatFailed(ILogger logger, string detail);

    [LoggerMessage(4018, LogLevel.Warning, "The orphan guard could not start ({Detail}): an ffmpeg may outlive this worker if it is killed")]
    public static partial void GuardUnavailable(ILogger logger, string detail);

    [LoggerMessage(4019, LogLevel.Warning, "Reaped what a dead worker left in {Folder}: {Killed} process(es) killed")]
    public static partial void Reaped(ILogger logger, string folder, int killed);
}

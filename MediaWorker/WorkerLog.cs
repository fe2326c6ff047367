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
}

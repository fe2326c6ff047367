namespace Realtime.LiveApi;

internal static partial class LiveApiLog
{
    [LoggerMessage(3001, LogLevel.Warning, "Dispatching a {EventType} to SignalR failed")]
    public static partial void DispatchFailed(ILogger logger, string eventType, Exception exception);

    [LoggerMessage(3002, LogLevel.Warning, "Registering this host for live events failed; retrying at the next interval")]
    public static partial void RegistrationFailed(ILogger logger, Exception exception);

    [LoggerMessage(3003, LogLevel.Information, "Unregistering this host for live events failed (it expires by itself)")]
    public static partial void UnregisterFailed(ILogger logger, Exception exception);

    [LoggerMessage(3004, LogLevel.Warning, "Waiting for the Orleans cluster (attempt {Attempt}): {Reason}")]
    public static partial void WaitingForCluster(ILogger logger, int attempt, string reason);

    [LoggerMessage(3006, LogLevel.Debug, "Reporting viewers of {ProgrammeId} failed")]
    public static partial void ViewerReportFailed(ILogger logger, string programmeId, Exception exception);

    [LoggerMessage(3007, LogLevel.Warning, "Preparing blob storage for media (containers, CORS) failed (attempt {Attempt}); retrying")]
    public static partial void MediaPreparationFailed(ILogger logger, int attempt, Exception exception);

    [LoggerMessage(3008, LogLevel.Warning, "Failed staff login for user name {UserName} from {Client}")]
    public static partial void LoginFailed(ILogger logger, string userName, string client);

    [LoggerMessage(3009, LogLevel.Warning, "Staff login for user name {UserName} from {Client} refused: locked for {Seconds} s after repeated failures")]
    public static partial void LoginLocked(ILogger logger, string userName, string client, int seconds);
}

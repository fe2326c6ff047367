namespace Realtime.Silo;

internal static partial class SiloLog
{
    [LoggerMessage(2001, LogLevel.Warning, "Seeding failed (attempt {Attempt}); retrying")]
    public static partial void SeedRetry(ILogger logger, int attempt, Exception exception);
}

namespace Realtime.MediaWorker.Live;

internal static partial class LiveLog
{
    [LoggerMessage(4101, LogLevel.Information, "Leased the live stream of programme {ProgrammeId} (run {Run}): listening for the encoder at {Address}")]
    public static partial void Leased(ILogger logger, string programmeId, int run, string address);

    [LoggerMessage(4102, LogLevel.Warning, "Live stream call to LiveApi failed: {Detail}")]
    public static partial void CallFailed(ILogger logger, string detail);

    [LoggerMessage(4103, LogLevel.Warning, "The live encode failed: {Line}")]
    public static partial void EncodeFailed(ILogger logger, string line);

    [LoggerMessage(4104, LogLevel.Information, "Live stream of programme {ProgrammeId} ended: {Outcome}")]
    public static partial void Ended(ILogger logger, string programmeId, string outcome);

    [LoggerMessage(4105, LogLevel.Warning, "Publishing live segments failed (the next pass retries): {Detail}")]
    public static partial void PublishFailed(ILogger logger, string detail);

    [LoggerMessage(4106, LogLevel.Warning, "The live replay's download could not be made: {Detail}")]
    public static partial void DownloadFailed(ILogger logger, string detail);

    [LoggerMessage(4107, LogLevel.Information, "Programme {ProgrammeId}: listening for the encoder (connection {Connection})")]
    public static partial void Listening(ILogger logger, string programmeId, int connection);

    [LoggerMessage(4108, LogLevel.Information, "Programme {ProgrammeId}: connection {Connection} closed after {Seconds:F1} s")]
    public static partial void ConnectionClosed(ILogger logger, string programmeId, int connection, double seconds);

    [LoggerMessage(4109, LogLevel.Information, "Encoder connected ({Bytes} bytes probed): video {Video}, audio {Audio}; refused: {Refusal}")]
    public static partial void Probed(ILogger logger, long bytes, string video, string audio, string refusal);
}

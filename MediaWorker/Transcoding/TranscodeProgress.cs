namespace Realtime.MediaWorker.Transcoding;

/// <summary>How far a transcode is, as the admin page shows it.</summary>
/// <param name="Percent">0–100 of the source duration; null when the duration is unknown.</param>
/// <param name="OutTime">How much of the recording has been written.</param>
/// <param name="Fps">Frames encoded per second of wall time (per rung), when ffmpeg reports it.</param>
/// <param name="Speed">Multiple of realtime (2.8 means a minute of video took about 21 s).</param>
/// <param name="Eta">Estimated time left; null until a speed is known.</param>
/// <param name="Frame">Frames through the encoder so far.</param>
/// <param name="Finished">ffmpeg's last report (progress=end).</param>
public sealed record TranscodeProgress(
    double? Percent,
    TimeSpan OutTime,
    double? Fps,
    double? Speed,
    TimeSpan? Eta,
    long? Frame,
    bool Finished);

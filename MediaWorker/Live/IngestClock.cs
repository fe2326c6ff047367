namespace Realtime.MediaWorker.Live;

/// <summary>
/// The wall-clock time of media time zero of one connection, for its segments' PROGRAM-DATE-TIME: the earliest of the
/// moment its first bytes arrived and, for every segment seen, the moment ffmpeg finished it minus the media time up
/// to its end. A segment cannot be finished before its last frame was captured, so a stamp from this clock never runs
/// ahead of the studio (it trails it by the ingest's own latency). ffmpeg's stamp starts when its muxer opened, seconds
/// after the first frame arrived (the worker probes the input first, then the encoder works through that backlog).
/// </summary>
public sealed class IngestClock
{
    private DateTimeOffset? _zero; // media time zero in wall-clock time; null before anything was seen

    public void FirstBytes(DateTimeOffset? at) => Earliest(at);

    /// <summary>A segment ending at <paramref name="mediaEndSeconds"/> was finished at <paramref name="finishedAt"/>.</summary>
    public void Finished(double mediaEndSeconds, DateTimeOffset finishedAt) => Earliest(finishedAt - Media(mediaEndSeconds));

    /// <summary>The PROGRAM-DATE-TIME of the segment starting at <paramref name="mediaStartSeconds"/>.</summary>
    public string? Stamp(double mediaStartSeconds) =>
        (_zero + Media(mediaStartSeconds))?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static TimeSpan Media(double seconds) => TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));

    private void Earliest(DateTimeOffset? candidate)
    {
        if (candidate is { } c && (_zero is null || c < _zero))
            _zero = c;
    }
}

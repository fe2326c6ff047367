namespace Realtime.MediaWorker.Transcoding;

/// <summary>Everything learnt about an input before deciding whether to transcode it.</summary>
/// <param name="SizeBytes">File size on disk.</param>
/// <param name="Probe">What ffprobe found; null when ffprobe could not read the file.</param>
/// <param name="Error">ffprobe's own error text when it failed.</param>
/// <param name="HeaderLooksLikeMedia">The first bytes carry a known media signature (so an unreadable file is
/// a damaged recording rather than, say, a document renamed .mp4).</param>
/// <param name="EndReadable">False when the file claims a duration but its last seconds cannot be read (cut off
/// during upload); null when not checked.</param>
public sealed record ProbeReport(
    long SizeBytes,
    MediaProbe? Probe,
    string? Error,
    bool HeaderLooksLikeMedia,
    bool? EndReadable = null);

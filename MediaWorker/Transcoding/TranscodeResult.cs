namespace Realtime.MediaWorker.Transcoding;

public enum TranscodeStatus
{
    /// <summary>Every output was written.</summary>
    Succeeded,

    /// <summary>The recording cannot become a programme (see the reasons); ffmpeg did not run.</summary>
    Refused,

    /// <summary>ffmpeg failed or stalled; the output folder was emptied. Retrying may help.</summary>
    Failed,
}

/// <summary>How a job ended.</summary>
/// <param name="Reasons">Empty on success; otherwise every reason, each a sentence for the operator.</param>
/// <param name="Files">The produced files with content types (empty unless succeeded).</param>
/// <param name="StderrTail">The last lines of ffmpeg's error output, for the failure report.</param>
public sealed record TranscodeResult(
    TranscodeStatus Status,
    IReadOnlyList<FailureReason> Reasons,
    MediaProbe? Probe,
    TranscodePlan? Plan,
    IReadOnlyList<OutputFile> Files,
    IReadOnlyList<string> StderrTail)
{
    public bool Succeeded => Status == TranscodeStatus.Succeeded;

    /// <summary>The reasons as one text, one per line.</summary>
    public string Message => string.Join('\n', Reasons.Select(r => r.Message));

    public static TranscodeResult Refused(MediaProbe? probe, IReadOnlyList<FailureReason> reasons) =>
        new(TranscodeStatus.Refused, reasons, probe, null, [], []);

    public static TranscodeResult Failed(MediaProbe? probe, TranscodePlan? plan, FailureReason reason,
        IReadOnlyList<string> stderrTail) =>
        new(TranscodeStatus.Failed, [reason], probe, plan, [], stderrTail);

    public static TranscodeResult Success(MediaProbe probe, TranscodePlan plan, IReadOnlyList<OutputFile> files,
        IReadOnlyList<string> stderrTail) =>
        new(TranscodeStatus.Succeeded, [], probe, plan, files, stderrTail);
}

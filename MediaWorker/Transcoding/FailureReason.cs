namespace Realtime.MediaWorker.Transcoding;

/// <summary>Why a recording was refused or a transcode failed.</summary>
/// <param name="Code">Stable English code for programs and logs, e.g. "no_audio".</param>
/// <param name="Message">A sentence in Chinese for the operator, naming the code and what to do.</param>
public sealed record FailureReason(string Code, string Message)
{
    public override string ToString() => Message;
}

namespace Realtime.MediaWorker.Transcoding;

/// <summary>What a recording becomes: a video programme gets the HLS ladder, a radio programme audio only.</summary>
public enum ProgrammeKind
{
    Video,
    Radio,
}

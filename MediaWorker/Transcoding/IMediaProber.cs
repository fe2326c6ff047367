namespace Realtime.MediaWorker.Transcoding;

/// <summary>Finds out what a local file is, without deciding anything about it.</summary>
public interface IMediaProber
{
    Task<ProbeReport> ProbeAsync(string path, CancellationToken cancellationToken);
}

using Azure.Storage.Blobs;
using Realtime.MediaWorker.Transcoding;

namespace Realtime.MediaWorker.Jobs;

/// <summary>
/// Publishes a ladder while ffmpeg is still writing it, so a replay plays within seconds of the job starting, however
/// long the programme. Each pass uploads what is complete (ffmpeg renames a file into place only when it is whole):
/// every variant's init section and the segments its playlist lists, then that playlist; the master only once every
/// playlist it names is up with a segment, so a player never meets a missing playlist. Segments never change, so each
/// is uploaded once; playlists grow and are uploaded again, uncached.
/// </summary>
public sealed class SegmentPublisher(BlobContainerClient container, string folder)
{
    private readonly HashSet<string> _uploaded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _playlists = new(StringComparer.Ordinal);

    /// <summary>True once the master playlist is up: the replay can be played from here on.</summary>
    public bool Playable { get; private set; }

    /// <summary>Segments, init sections and pictures already uploaded; the final upload leaves them out.</summary>
    public bool IsUploaded(string relativePath) =>
        _uploaded.Contains(relativePath) && !relativePath.EndsWith(".m3u8", StringComparison.Ordinal);

    /// <summary>Publishes every <paramref name="every"/> until cancelled; an upload error waits for the next pass.</summary>
    public async Task RunAsync(TimeSpan every, Action onPlayable, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var was = Playable;
                try
                {
                    await PublishAsync(cancellationToken);
                }
                catch (Exception ex) when (ex is IOException or Azure.RequestFailedException)
                {
                    // A file renamed under us or a storage hiccup: the next pass tries again.
                }
                if (!was && Playable)
                    onPlayable();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested) { }
    }

    /// <summary>One pass: uploads what has been completed since the last one.</summary>
    public async Task PublishAsync(CancellationToken cancellationToken)
    {
        var master = Path.Combine(folder, OutputLayout.MasterPlaylist);
        if (!File.Exists(master))
            return;
        var variants = HlsPlaylist.References(await File.ReadAllTextAsync(master, cancellationToken));
        var ready = 0;
        foreach (var variant in variants)
        {
            var path = Path.Combine(folder, variant);
            if (!File.Exists(path))
                continue;
            var text = await File.ReadAllTextAsync(path, cancellationToken);
            if (!HlsPlaylist.HasSegment(text))
                continue;
            if (_playlists.GetValueOrDefault(variant) != text)
            {
                var directory = variant.Contains('/') ? variant[..(variant.LastIndexOf('/') + 1)] : "";
                foreach (var file in HlsPlaylist.References(text).Select(r => directory + r).Where(r => !_uploaded.Contains(r)))
                    await UploadAsync(file, JobTransfer.Immutable, cancellationToken);
                await UploadAsync(variant, JobTransfer.Growing, cancellationToken);
                _playlists[variant] = text;
            }
            ready++;
        }
        if (!Playable && variants.Count > 0 && ready == variants.Count)
        {
            await UploadAsync(OutputLayout.MasterPlaylist, JobTransfer.Growing, cancellationToken);
            Playable = true;
        }
    }

    private async Task UploadAsync(string relativePath, string cacheControl, CancellationToken cancellationToken)
    {
        await JobTransfer.UploadFileAsync(container, folder, relativePath, cacheControl, cancellationToken);
        _uploaded.Add(relativePath);
    }
}

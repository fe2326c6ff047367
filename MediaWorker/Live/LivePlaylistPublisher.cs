using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Realtime.MediaWorker.Jobs;

namespace Realtime.MediaWorker.Live;

/// <summary>
/// Turns what the encoding ffmpeg writes into the stream's public playlists. ffmpeg lists a segment in its own
/// playlist once the segment is whole; each pass uploads the new segments of every rung (immutable, under the
/// connection's folder), then appends their lines to the rung's playlist — an append blob, so nothing is rewritten
/// and a worker taking over continues where its predecessor stopped — and announces the lines (LiveApi hosts serve
/// playlists from memory). Each new connection starts with a discontinuity. The master is written once, when every
/// rung has a segment: from then on the stream plays.
/// A segment's PROGRAM-DATE-TIME is the ingest clock's (<see cref="IngestClock"/>), not ffmpeg's, which runs seconds
/// ahead of the studio and would make the delay behind it look shorter than it is, and put chapters late.
/// </summary>
public sealed class LivePlaylistPublisher(BlobContainerClient container, LiveHealthState health, int segmentSeconds,
    Func<string, long, string, Task> announce)
{
    // Rungs publish in parallel (each its own keys): a busy storage account costs one round trip per pass, not one per rung.
    private readonly ConcurrentDictionary<string, long> _lengths = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _segments = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _publishedInRun = new(StringComparer.Ordinal);
    private string? _runFolder;
    private string? _runName;
    private Func<DateTimeOffset?> _runStartedAt = () => null;
    private IngestClock _clock = new();

    /// <summary>The stream's ladder: from its master when one is published, else from the first connection.</summary>
    public IReadOnlyList<LiveRung>? Rungs { get; private set; }

    public bool HasMaster { get; private set; }

    /// <summary>Reads what earlier workers published, so this one continues the same playlists.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (await ReadAsync(LiveLadder.MasterPlaylist, cancellationToken) is not { } master)
            return;
        HasMaster = true;
        health.Playable = true;
        Rungs = LiveLadder.FromMaster(master);
        foreach (var rung in Rungs)
        {
            var text = await ReadAsync(rung.Name + ".m3u8", cancellationToken) ?? "";
            _lengths[rung.Name + ".m3u8"] = Encoding.UTF8.GetByteCount(text);
            _segments[rung.Name] = LivePlaylistText.Segments(text).Count;
        }
        health.Segments = _segments.Values.DefaultIfEmpty(0).Min();
    }

    /// <summary>
    /// A new connection: its segments go under <paramref name="runName"/>, after a discontinuity, stamped from
    /// <paramref name="startedAt"/> (when its first bytes arrived; ffmpeg's stamps only while that is unknown).
    /// </summary>
    public void StartRun(string folder, string runName, Func<DateTimeOffset?> startedAt)
    {
        (_runFolder, _runName, _runStartedAt, _clock) = (folder, runName, startedAt, new IngestClock());
        _publishedInRun.Clear();
    }

    /// <summary>The ladder of the first connection becomes the stream's (later ones keep it).</summary>
    public void Adopt(IReadOnlyList<LiveRung> rungs) => Rungs ??= rungs;

    /// <summary>One pass: publishes every segment ffmpeg completed since the last pass.</summary>
    public async Task PublishAsync(CancellationToken cancellationToken)
    {
        if (Rungs is not { } rungs || _runFolder is null)
            return;
        var pending = new List<Pending>();
        foreach (var rung in rungs)
        {
            var local = Path.Combine(_runFolder, rung.Name, LiveLadder.LocalPlaylist);
            if (!File.Exists(local))
                continue;
            var entries = LivePlaylistText.Segments(await File.ReadAllTextAsync(local, cancellationToken));
            var done = _publishedInRun.GetValueOrDefault(rung.Name);
            if (entries.Count > done)
                pending.Add(new Pending(rung, entries, done, entries.Take(done).Sum(e => e.Seconds)));
        }
        if (pending.Count > 0)
        {
            Observe(pending, _runFolder);
            await Task.WhenAll(pending.Select(p => PublishRungAsync(p, _runFolder, cancellationToken)));
            health.LastSegmentAt = DateTimeOffset.UtcNow;
        }
        health.Segments = rungs.Min(r => _segments.GetValueOrDefault(r.Name));
        if (!HasMaster && rungs.All(r => _segments.GetValueOrDefault(r.Name) > 0))
        {
            await AppendAsync(LiveLadder.MasterPlaylist, LiveLadder.Master(rungs), null, cancellationToken);
            HasMaster = true;
            health.Playable = true;
        }
    }

    /// <summary>Moves the ingest clock by when ffmpeg finished each new segment (before any of them is stamped).</summary>
    private void Observe(List<Pending> pending, string runFolder)
    {
        _clock.FirstBytes(_runStartedAt());
        foreach (var (rung, entries, done, start) in pending)
        {
            var end = start;
            foreach (var entry in entries.Skip(done))
            {
                end += entry.Seconds;
                var file = Path.Combine(runFolder, rung.Name, entry.Uri);
                if (File.Exists(file))
                    _clock.Finished(end, new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero));
            }
        }
    }

    /// <summary>Uploads one rung's new segments, then appends their lines to its playlist.</summary>
    private async Task PublishRungAsync(Pending pending, string runFolder, CancellationToken cancellationToken)
    {
        var (rung, entries, done, mediaSeconds) = pending;
        var lines = new StringBuilder();
        if (done == 0 && _segments.GetValueOrDefault(rung.Name) > 0)
            lines.Append("#EXT-X-DISCONTINUITY\n");
        foreach (var entry in entries.Skip(done))
        {
            var blobPath = $"{_runName}/{rung.Name}/{entry.Uri}";
            await JobTransfer.UploadFileAsync(container, runFolder, $"{rung.Name}/{entry.Uri}", JobTransfer.Immutable, blobPath, cancellationToken);
            if ((_clock.Stamp(mediaSeconds) ?? entry.DateTime) is { } at)
                lines.Append(CultureInfo.InvariantCulture, $"#EXT-X-PROGRAM-DATE-TIME:{at}\n");
            lines.Append(CultureInfo.InvariantCulture, $"#EXTINF:{entry.Duration},\n{blobPath}\n");
            mediaSeconds += entry.Seconds;
        }
        await AppendAsync(rung.Name + ".m3u8", lines.ToString(), Header(), cancellationToken);
        _publishedInRun[rung.Name] = entries.Count;
        _segments[rung.Name] = _segments.GetValueOrDefault(rung.Name) + entries.Count - done;
    }

    /// <summary>A rung's segments not yet published: those after the first <paramref name="Done"/>, which start at <paramref name="StartSeconds"/>.</summary>
    private sealed record Pending(LiveRung Rung, IReadOnlyList<LiveSegment> Entries, int Done, double StartSeconds);

    /// <summary>The programme ended: every playlist is closed, and players know no segment will follow.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        foreach (var rung in Rungs ?? [])
        {
            if (_segments.GetValueOrDefault(rung.Name) > 0)
                await AppendAsync(rung.Name + ".m3u8", "#EXT-X-ENDLIST\n", null, cancellationToken);
        }
    }

    /// <summary>A published playlist's text, or null.</summary>
    public async Task<string?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return (await container.GetBlobClient(name).DownloadContentAsync(cancellationToken)).Value.Content.ToString();
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private string Header() => "#EXTM3U\n#EXT-X-VERSION:6\n"
        + $"#EXT-X-TARGETDURATION:{segmentSeconds.ToString(CultureInfo.InvariantCulture)}\n"
        + "#EXT-X-PLAYLIST-TYPE:EVENT\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-INDEPENDENT-SEGMENTS\n";

    /// <summary>Appends at the position this worker knows (a lost race with another writer fails instead of interleaving).</summary>
    private async Task AppendAsync(string name, string text, string? header, CancellationToken cancellationToken)
    {
        var blob = container.GetAppendBlobClient(name);
        var offset = _lengths.GetValueOrDefault(name);
        if (offset == 0)
        {
            await blob.CreateIfNotExistsAsync(new AppendBlobCreateOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/vnd.apple.mpegurl", CacheControl = JobTransfer.Growing },
            }, cancellationToken);
            text = (header ?? "") + text;
        }
        var bytes = Encoding.UTF8.GetBytes(text);
        using var content = new MemoryStream(bytes);
        await blob.AppendBlockAsync(content, new AppendBlobAppendBlockOptions { Conditions = new AppendBlobRequestConditions { IfAppendPositionEqual = offset } },
            cancellationToken);
        _lengths[name] = offset + bytes.Length;
        await announce(name, offset, text);
    }
}

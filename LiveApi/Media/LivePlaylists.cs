using System.Collections.Concurrent;
using System.Text;
using Realtime.Contracts.Live;
using Realtime.Contracts.LiveStreams;

namespace Realtime.LiveApi.Media;

/// <summary>
/// The live playlists of the streams on air, in this host's memory: each request is answered from here, and each new
/// segment's lines (<see cref="LivePlaylistAppended"/>, pushed to every host) are appended in place. A host that
/// started late, missed an event or met one out of order reloads the playlist from its append blob, which the worker
/// extends before it announces. Playlists of ended streams are not kept: they are read from storage and cached by
/// players and any CDN for minutes, so this holds only what is live — a handful of small texts.
/// </summary>
public sealed class LivePlaylists(MediaStorage storage, IGrainFactory grains)
{
    /// <summary>A playlist's bytes and its ETag (stream and length: an append-only text is known by its length).</summary>
    public sealed record Snapshot(string StreamId, byte[] Bytes, string ETag, bool Ended);

    private readonly ConcurrentDictionary<(string Programme, string Playlist), Snapshot> _live = new();

    public int Count => _live.Count;

    /// <summary>Applies new lines; anything that does not fit where it should drops the copy (reloaded on next request).</summary>
    public void Appended(LivePlaylistAppended appended)
    {
        var key = (appended.ProgrammeId, appended.Playlist);
        var added = Encoding.UTF8.GetBytes(appended.Text);
        while (_live.TryGetValue(key, out var current))
        {
            if (current.StreamId != appended.StreamId || appended.Offset > current.Bytes.Length)
            {
                _live.TryRemove(KeyValuePair.Create(key, current));
                return;
            }
            if (appended.Offset + added.Length <= current.Bytes.Length)
                return; // already there (a reload from storage overtook the event)
            var bytes = new byte[appended.Offset + added.Length];
            Buffer.BlockCopy(current.Bytes, 0, bytes, 0, (int)appended.Offset);
            Buffer.BlockCopy(added, 0, bytes, (int)appended.Offset, added.Length);
            if (_live.TryUpdate(key, Make(appended.StreamId, bytes, false), current))
                return;
        }
    }

    /// <summary>A stream ended or moved to another run: its copies go, the next request reads the closed playlists.</summary>
    public void Changed(LiveStream stream)
    {
        if (stream.State != LiveStreamState.Ended)
            return;
        foreach (var key in _live.Keys.Where(k => k.Programme == stream.ProgrammeId))
            _live.TryRemove(key, out _);
    }

    /// <summary>The playlist as it is now, or null when the programme has no such playlist (yet).</summary>
    public async Task<Snapshot?> Get(string programmeId, string playlist, CancellationToken cancellationToken)
    {
        if (_live.TryGetValue((programmeId, playlist), out var snapshot))
            return snapshot;
        var stream = await grains.GetGrain<ILiveStreamGrain>(programmeId).Get();
        if (stream is not { PlayableAt: not null })
            return null;
        var text = await storage.ReadText(stream.Container, playlist, cancellationToken);
        if (text is null)
            return null;
        var ended = stream.State == LiveStreamState.Ended;
        var loaded = Make(stream.StreamId, Encoding.UTF8.GetBytes(text), ended);
        if (ended)
            return loaded;
        // Keep the longer copy if an event extended it meanwhile.
        return _live.AddOrUpdate((programmeId, playlist), loaded,
            (_, current) => current.StreamId == loaded.StreamId && current.Bytes.Length >= loaded.Bytes.Length ? current : loaded);
    }

    private static Snapshot Make(string streamId, byte[] bytes, bool ended) => new(streamId, bytes, $"\"{streamId}-{bytes.Length}\"", ended);
}

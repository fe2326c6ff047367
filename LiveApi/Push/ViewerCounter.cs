using System.Collections.Concurrent;

namespace Realtime.LiveApi.Push;

/// <summary>How many connections of this host watch each programme's desk.</summary>
public sealed class ViewerCounter
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _joined = new();
    private readonly ConcurrentDictionary<string, int> _counts = new();

    public void Join(string connectionId, string programmeId)
    {
        if (_joined.GetOrAdd(connectionId, _ => new()).TryAdd(programmeId, 0))
            _counts.AddOrUpdate(programmeId, 1, (_, n) => n + 1);
    }

    public void Leave(string connectionId, string programmeId)
    {
        if (_joined.TryGetValue(connectionId, out var programmes) && programmes.TryRemove(programmeId, out _))
            _counts.AddOrUpdate(programmeId, 0, (_, n) => Math.Max(0, n - 1));
    }

    public void Disconnected(string connectionId)
    {
        if (!_joined.TryRemove(connectionId, out var programmes))
            return;
        foreach (var programmeId in programmes.Keys)
            _counts.AddOrUpdate(programmeId, 0, (_, n) => Math.Max(0, n - 1));
    }

    public IReadOnlyList<KeyValuePair<string, int>> Counts() => [.. _counts];

    public void Forget(string programmeId)
    {
        if (_counts.TryGetValue(programmeId, out var n) && n == 0)
            _counts.TryRemove(new KeyValuePair<string, int>(programmeId, 0));
    }
}

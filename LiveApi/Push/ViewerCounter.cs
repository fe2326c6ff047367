using System.Collections.Concurrent;

namespace Realtime.LiveApi.Push;

/// <summary>
/// How many connections of this host watch each programme's desk. Which programmes a connection joined is kept by
/// the hub in the connection's own Items, so this holds one counter per programme, not a structure per connection.
/// </summary>
public sealed class ViewerCounter
{
    private readonly ConcurrentDictionary<string, int> _counts = new();

    public void Join(string programmeId) => _counts.AddOrUpdate(programmeId, 1, (_, n) => n + 1);

    public void Leave(string programmeId) => _counts.AddOrUpdate(programmeId, 0, (_, n) => Math.Max(0, n - 1));

    public IReadOnlyList<KeyValuePair<string, int>> Counts() => [.. _counts];

    public void Forget(string programmeId)
    {
        if (_counts.TryGetValue(programmeId, out var n) && n == 0)
            _counts.TryRemove(new KeyValuePair<string, int>(programmeId, 0));
    }
}

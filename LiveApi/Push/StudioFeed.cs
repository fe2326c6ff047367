using System.Collections.Concurrent;
using System.Threading.Channels;
using Realtime.Contracts.Questions;

namespace Realtime.LiveApi.Push;

/// <summary>In-process fan-out of desk status to this host's gRPC studio streams, per programme.</summary>
public sealed class StudioFeed
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Channel<(long Version, DeskStatus Status)>, byte>> _streams = new();

    public bool HasWatchers(string programmeId) => _streams.TryGetValue(programmeId, out var s) && !s.IsEmpty;

    public IDisposable Watch(string programmeId, out ChannelReader<(long Version, DeskStatus Status)> reader)
    {
        var channel = Channel.CreateBounded<(long, DeskStatus)>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest });
        var set = _streams.GetOrAdd(programmeId, _ => new());
        set.TryAdd(channel, 0);
        reader = channel.Reader;
        return new Subscription(() => set.TryRemove(channel, out _));
    }

    public void Publish(string programmeId, long version, DeskStatus status)
    {
        if (!_streams.TryGetValue(programmeId, out var set))
            return;
        foreach (var channel in set.Keys)
            channel.Writer.TryWrite((version, status));
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}

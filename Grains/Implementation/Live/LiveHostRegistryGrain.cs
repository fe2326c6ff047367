using System.Collections.Immutable;
using Realtime.Contracts.Live;

namespace Realtime.Grains.Live;

/// <summary>
/// Keeps the observers of the LiveApi hosts in memory. A host that stops renewing (it crashed) drops out after
/// <see cref="Expiry"/>; after a silo failure the hosts' next renewal rebuilds the list.
/// </summary>
public sealed class LiveHostRegistryGrain(TimeProvider clock) : Grain, ILiveHostRegistryGrain
{
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(20);

    private readonly Dictionary<string, (ILiveHostObserver Observer, DateTimeOffset Seen)> _hosts = [];

    public Task Register(string hostId, ILiveHostObserver observer)
    {
        _hosts[hostId] = (observer, clock.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task Unregister(string hostId)
    {
        _hosts.Remove(hostId);
        return Task.CompletedTask;
    }

    public Task<ImmutableArray<ILiveHostObserver>> GetObservers()
    {
        var cutoff = clock.GetUtcNow() - Expiry;
        foreach (var stale in _hosts.Where(h => h.Value.Seen < cutoff).Select(h => h.Key).ToList())
            _hosts.Remove(stale);
        return Task.FromResult(_hosts.Values.Select(h => h.Observer).ToImmutableArray());
    }
}

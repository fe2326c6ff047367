using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Realtime.GrainTests.Cluster;

/// <summary>
/// A fake grain storage: keeps state in Orleans' memory storage and, on demand, fails every write of the named states.
/// It stands in for a storage fault (Azure Table unreachable, throttling, a timeout) that the real provider cannot be
/// made to produce at the moment a test needs it.
/// </summary>
public sealed class FailingGrainStorage([FromKeyedServices(FailingGrainStorage.InnerName)] IGrainStorage inner) : IGrainStorage
{
    /// <summary>The memory storage that holds what was really stored.</summary>
    public const string InnerName = "memory-behind-failing";

    private readonly ConcurrentDictionary<string, int> _failing = new(StringComparer.Ordinal);

    /// <summary>From now on, every write of state <paramref name="stateName"/> fails (of any grain).</summary>
    public void FailWritesOf(string stateName) => _failing[stateName] = 0;

    /// <summary>Writes succeed again.</summary>
    public void Recover() => _failing.Clear();

    /// <summary>How many writes of <paramref name="stateName"/> failed since it started failing.</summary>
    public int FailedWrites(string stateName) => _failing.GetValueOrDefault(stateName);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (!_failing.ContainsKey(stateName))
            return inner.WriteStateAsync(stateName, grainId, grainState);
        _failing.AddOrUpdate(stateName, 1, (_, n) => n + 1);
        return Task.FromException(new IOException($"Injected storage fault: writing {stateName} of {grainId} failed."));
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}

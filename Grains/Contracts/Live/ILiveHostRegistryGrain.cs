using System.Collections.Immutable;

namespace Realtime.Contracts.Live;

/// <summary>
/// Which LiveApi hosts are alive (one grain, key "hosts"). Observers live in memory only, so hosts renew
/// their registration on a timer and entries that are not renewed expire.
/// </summary>
[Alias("Realtime.ILiveHostRegistryGrain")]
public interface ILiveHostRegistryGrain : IGrainWithStringKey
{
    public const string Key = "hosts";

    [Alias("Register")]
    Task Register(string hostId, ILiveHostObserver observer);

    [Alias("Unregister")]
    Task Unregister(string hostId);

    [Alias("GetObservers")]
    Task<ImmutableArray<ILiveHostObserver>> GetObservers();
}

using Orleans.Concurrency;

namespace Realtime.Contracts.Live;

/// <summary>Implemented by each LiveApi host; receives every live event once per host.</summary>
[Alias("Realtime.ILiveHostObserver")]
public interface ILiveHostObserver : IGrainObserver
{
    [OneWay, Alias("Deliver")]
    Task Deliver(LiveEvent liveEvent);
}

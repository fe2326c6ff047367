using Orleans.Concurrency;

namespace Realtime.Contracts.Live;

/// <summary>One per silo (a stateless worker): forwards live events to every registered LiveApi host.</summary>
[Alias("Realtime.ILivePublisherGrain")]
public interface ILivePublisherGrain : IGrainWithIntegerKey
{
    [OneWay, Alias("Publish")]
    Task Publish(LiveEvent liveEvent);
}

using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Realtime.Contracts.Live;

namespace Realtime.Grains.Live;

/// <summary>
/// One activation per silo. It keeps a copy of the host list, refreshed every second, so publishing never waits
/// on another grain; with a single activation, events from one programme leave in the order they arrived.
/// </summary>
[StatelessWorker(1)]
public sealed class LivePublisherGrain(IGrainFactory grains, ILogger<LivePublisherGrain> logger)
    : Grain, ILivePublisherGrain
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    private ImmutableArray<ILiveHostObserver> _observers = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await Refresh(cancellationToken);
        this.RegisterGrainTimer(Refresh, RefreshInterval, RefreshInterval);
    }

    public Task Publish(LiveEvent liveEvent)
    {
        foreach (var observer in _observers)
        {
            try
            {
                observer.Deliver(liveEvent).Ignore();
            }
            catch (Exception ex)
            {
                GrainsLog.DeliveryFailed(logger, ex);
            }
        }
        return Task.CompletedTask;
    }

    private async Task Refresh(CancellationToken cancellationToken)
    {
        try
        {
            _observers = await grains.GetGrain<ILiveHostRegistryGrain>(ILiveHostRegistryGrain.Key).GetObservers();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            GrainsLog.HostListRefreshFailed(logger, ex);
        }
    }
}

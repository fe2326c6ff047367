using Microsoft.Extensions.Options;
using Realtime.Contracts.Live;
using Realtime.LiveApi.Hosting;

namespace Realtime.LiveApi.Push;

/// <summary>
/// Registers this host's observer with the cluster and renews it on a timer: observers live only in memory, and
/// a registry re-activated after a silo failure learns of this host again at the next renewal.
/// </summary>
public sealed class HostRegistrationService(
    IClusterClient cluster,
    LiveEventDispatcher dispatcher,
    IOptions<LiveApiSettings> settings,
    HostIdentity host,
    ILogger<HostRegistrationService> logger) : BackgroundService
{
    private ILiveHostObserver? _reference;

    /// <summary>True once the cluster has accepted this host's registration.</summary>
    public bool IsRegistered { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _reference = cluster.CreateObjectReference<ILiveHostObserver>(dispatcher);
        var registry = cluster.GetGrain<ILiveHostRegistryGrain>(ILiveHostRegistryGrain.Key);
        using var timer = new PeriodicTimer(settings.Value.RegistrationInterval);
        do
        {
            try
            {
                await registry.Register(host.Id, _reference);
                IsRegistered = true;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LiveApiLog.RegistrationFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await cluster.GetGrain<ILiveHostRegistryGrain>(ILiveHostRegistryGrain.Key).Unregister(host.Id)
                .WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
        }
        catch (Exception ex)
        {
            LiveApiLog.UnregisterFailed(logger, ex);
        }
        if (_reference is not null)
            cluster.DeleteObjectReference<ILiveHostObserver>(_reference);
    }
}

using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using Realtime.Contracts.Media;

namespace Realtime.LiveApi.Telemetry;

/// <summary>
/// Transcoding jobs by state (realtime.media.jobs), read from the cluster's queue every 15 s: what to scale workers on
/// and alert on. Every LiveApi host reports the same cluster-wide figures, so take max() across hosts, not sum().
/// </summary>
public sealed class MediaQueueGauge : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    private readonly IGrainFactory _grains;
    private volatile ImmutableDictionary<MediaJobState, int> _counts = ImmutableDictionary<MediaJobState, int>.Empty;

    public MediaQueueGauge(IGrainFactory grains, IMeterFactory meters)
    {
        _grains = grains;
        meters.Create(LiveApiMetrics.MeterName).CreateObservableGauge("realtime.media.jobs", Observe,
            description: "Transcoding jobs by state, cluster-wide (the same on every host)");
    }

    private IEnumerable<Measurement<int>> Observe() =>
        Enum.GetValues<MediaJobState>().Select(state =>
            new Measurement<int>(_counts.GetValueOrDefault(state), new KeyValuePair<string, object?>("state", state.ToString())));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                var jobs = await _grains.GetGrain<IMediaQueueGrain>(IMediaQueueGrain.Key).List();
                _counts = jobs.GroupBy(j => j.State).ToImmutableDictionary(g => g.Key, g => g.Count());
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException)
            {
                // the cluster is not reachable now: keep the last figures until it is
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

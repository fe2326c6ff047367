using System.Diagnostics.Metrics;
using Realtime.Contracts.Questions;
using Realtime.Contracts.Reports;

namespace Realtime.LiveApi.Telemetry;

/// <summary>
/// Follow-up cases (realtime.followup.cases), read from the departments' monthly report counters every minute:
/// state "open" is cases handed to a department and not yet answered in writing, "overdue" is cases that passed their
/// deadline (answered late or not yet), both over the current China-local month and the five before it. Every LiveApi
/// host reports the same cluster-wide figures, so take max() across hosts, not sum().
/// </summary>
public sealed class FollowUpGauge : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private const int Months = 6;
    private readonly IGrainFactory _grains;
    private readonly TimeProvider _clock;
    private volatile StatsCounters _window = StatsCounters.Zero;

    public FollowUpGauge(IGrainFactory grains, TimeProvider clock, IMeterFactory meters)
    {
        _grains = grains;
        _clock = clock;
        meters.Create(LiveApiMetrics.MeterName).CreateObservableGauge("realtime.followup.cases", Observe,
            description: "Follow-up cases of the last six months: open, and overdue (the same on every host)");
    }

    private IEnumerable<Measurement<int>> Observe()
    {
        var window = _window;
        yield return new(window.FollowedUp - window.FollowUpAnswered, new KeyValuePair<string, object?>("state", "open"));
        yield return new(window.Overdue, new KeyValuePair<string, object?>("state", "overdue"));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                var now = _clock.GetUtcNow().ToOffset(StatsKeys.ChinaOffset); // months step in local dates
                var reads = DeskCatalogue.Departments
                    .SelectMany(_ => Enumerable.Range(0, Months), (d, back) => StatsKeys.Department(d.Code, StatsKeys.Month(now.AddMonths(-back))))
                    .Select(key => _grains.GetGrain<IStatsGrain>(key).Get());
                _window = (await Task.WhenAll(reads)).Aggregate(StatsCounters.Zero, (sum, c) => sum.Add(c));
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException)
            {
                // the cluster is not reachable now: keep the last figures until it is
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

using Microsoft.Extensions.Logging;
using Realtime.Contracts.FollowUps;
using Realtime.Contracts.Reports;

namespace Realtime.Grains.Questions;

/// <summary>
/// Sends a desk's stored effects to their targets — report counters (<see cref="IStatsGrain.Apply"/>, versioned) and
/// follow-up cases (<see cref="IFollowUpCaseGrain.Open"/>, idempotent) — one round at a time, and confirms them once
/// every target has answered. A failed round is retried with backoff; nothing is dropped. Runs on the desk grain's
/// scheduler, so it shares <see cref="Outbox"/> with the grain without locks.
/// </summary>
public sealed class DeskEffectPump(string programmeId, IGrainFactory grains, ILogger logger, Func<Task> settled)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);
    private bool _running;

    public DeskOutbox Outbox { get; } = new();

    /// <summary>Starts a round unless one is running (it picks up whatever is stored by then).</summary>
    public void Kick()
    {
        if (!_running && !Outbox.IsSettled)
            _ = Run();
    }

    private async Task Run()
    {
        _running = true;
        try
        {
            var retry = FirstRetry;
            while (!Outbox.IsSettled)
            {
                var batch = Outbox.Take();
                try
                {
                    await Send(batch);
                    Outbox.Confirm(batch.UpTo);
                    retry = FirstRetry;
                }
                catch (Exception ex)
                {
                    GrainsLog.PropagationFailed(logger, programmeId, ex);
                    await Task.Delay(retry);
                    retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
                }
            }
            await settled();
        }
        catch (Exception ex)
        {
            GrainsLog.PropagationFailed(logger, programmeId, ex);
        }
        finally
        {
            _running = false;
        }
    }

    private Task Send(OutboxBatch batch)
    {
        var source = StatsKeys.Programme(programmeId);
        var stats = batch.Stats.Select(s => grains.GetGrain<IStatsGrain>(s.Key).Apply(source, s.Value));
        var cases = batch.Cases.Select(c => grains.GetGrain<IFollowUpCaseGrain>(c.CaseId).Open(c));
        return Task.WhenAll(stats.Concat(cases));
    }
}

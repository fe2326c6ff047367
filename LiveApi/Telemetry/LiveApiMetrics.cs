using System.Diagnostics;
using System.Diagnostics.Metrics;
using Realtime.Contracts.Common;

namespace Realtime.LiveApi.Telemetry;

/// <summary>
/// What this LiveApi host does, as OpenTelemetry instruments (scraped at /metrics on the metrics port):
/// desk requests and the time until the desk acknowledged them durably, live events pushed and how long the fan-out to
/// this host's connections took, and the live connections held (the figure to scale hosts on).
/// </summary>
public sealed class LiveApiMetrics
{
    public const string MeterName = "Realtime.LiveApi";

    private readonly Counter<long> _deskRequests;
    private readonly Histogram<double> _deskAck;
    private readonly Counter<long> _pushes;
    private readonly Histogram<double> _fanOut;
    private int _connections;

    public LiveApiMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _deskRequests = meter.CreateCounter<long>("realtime.desk.requests", description: "Question desk commands by action and outcome");
        _deskAck = meter.CreateHistogram<double>("realtime.desk.ack.duration", unit: "s",
            description: "From a desk command reaching this host to its durable acknowledgement",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _pushes = meter.CreateCounter<long>("realtime.push.events", description: "Live events this host delivered, by type");
        _fanOut = meter.CreateHistogram<double>("realtime.push.fanout.duration", unit: "s",
            description: "From a live event reaching this host to its sends to every connection being done",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
        meter.CreateObservableGauge("realtime.live.connections", () => Volatile.Read(ref _connections),
            description: "WebSocket / SSE connections this host holds (capacity measured at 18,000)");
    }

    /// <summary>Live connections held now.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public int ConnectionOpened() => Interlocked.Increment(ref _connections);

    public void ConnectionClosed() => Interlocked.Decrement(ref _connections);

    public void DeskAnswered(string action, ErrorKind outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "action", action }, { "outcome", outcome == ErrorKind.None ? "ok" : outcome.ToString() } };
        _deskRequests.Add(1, tags);
        if (outcome == ErrorKind.None)
            _deskAck.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("action", action));
    }

    public void Pushed(string eventType, TimeSpan elapsed)
    {
        _pushes.Add(1, new KeyValuePair<string, object?>("event", eventType));
        _fanOut.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("event", eventType));
    }
}

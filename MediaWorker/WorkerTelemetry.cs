using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Realtime.MediaWorker;

/// <summary>
/// The worker's spans and meters (exported by ServiceDefaults like every "Realtime.*" source): one trace per job —
/// download, ffmpeg, upload and the gRPC calls to LiveApi, which carry it on to the grains — and how fast ffmpeg ran.
/// </summary>
public static class WorkerTelemetry
{
    public const string Name = "Realtime.MediaWorker";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Jobs = Meter.CreateCounter<long>("realtime.transcode.jobs",
        description: "Jobs this worker finished, by outcome (succeeded, failed, stopped)");

    private static readonly Histogram<double> Speed = Meter.CreateHistogram<double>("realtime.transcode.speed",
        description: "Media seconds transcoded per wall-clock second, per job (1 = real time)",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 25, 50, 100] });

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("realtime.transcode.duration", unit: "s",
        description: "Wall-clock time of a job from lease to report");

    public static void Finished(string outcome, string kind, TimeSpan wall, double? mediaSeconds)
    {
        var tags = new TagList { { "outcome", outcome }, { "kind", kind } };
        Jobs.Add(1, tags);
        Duration.Record(wall.TotalSeconds, tags);
        if (outcome == "succeeded" && mediaSeconds is > 0 && wall > TimeSpan.Zero)
            Speed.Record(mediaSeconds.Value / wall.TotalSeconds, new KeyValuePair<string, object?>("kind", kind));
    }
}

using System.ComponentModel.DataAnnotations;

namespace Realtime.MediaWorker.Jobs;

/// <summary>Where this worker takes jobs from (section "Jobs").</summary>
public sealed class JobSettings
{
    public const string Section = "Jobs";

    /// <summary>LiveApi's gRPC address (h2c). Default http://127.0.0.1:5081.</summary>
    [Required] public string LiveApiGrpc { get; set; } = "http://127.0.0.1:5081";

    /// <summary>This worker's key, one of LiveApi's Media:WorkerKeys. Empty: the worker only checks its tools.</summary>
    public string? Key { get; set; }

    /// <summary>Jobs this worker runs at once. Default 1 (one ffmpeg already uses every core).</summary>
    [Range(1, 16)] public int Concurrency { get; set; } = 1;

    /// <summary>Seconds between polls of an empty queue. Default 2.</summary>
    [Range(1, 300)] public int PollSeconds { get; set; } = 2;

    /// <summary>Seconds between heartbeats while a job runs (well under the lease). Default 3.</summary>
    [Range(1, 60)] public int HeartbeatSeconds { get; set; } = 3;

    /// <summary>
    /// Seconds between uploads of the segments made so far while ffmpeg runs, so the replay plays long before the job
    /// ends. 0 switches it off (everything is uploaded at the end). Default 2.
    /// </summary>
    [Range(0, 60)] public int PublishSeconds { get; set; } = 2;

    /// <summary>Scratch folder for sources and outputs. Default: the system temp folder.</summary>
    public string? WorkDirectory { get; set; }

    /// <summary>Name of this worker in the job list. Default: host name and process id.</summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";
}

using System.ComponentModel.DataAnnotations;

namespace Realtime.MediaWorker;

/// <summary>Settings of this worker (section "Worker").</summary>
public sealed class WorkerSettings
{
    public const string Section = "Worker";

    /// <summary>HTTP port of the health endpoints. Default 5090.</summary>
    [Range(1, 65535)] public int HealthPort { get; set; } = 5090;

    /// <summary>Address the health port binds to. Default 127.0.0.1; 0.0.0.0 in a container (probes).</summary>
    [System.ComponentModel.DataAnnotations.Required] public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// The ffmpeg executable: "ffmpeg" on PATH, or a path to a file named ffmpeg (FFMpegCore runs its tools by folder).
    /// Default "ffmpeg".
    /// </summary>
    [Required] public string Ffmpeg { get; set; } = "ffmpeg";

    /// <summary>The ffprobe executable, as <see cref="Ffmpeg"/>. Default "ffprobe".</summary>
    [Required] public string Ffprobe { get; set; } = "ffprobe";
}

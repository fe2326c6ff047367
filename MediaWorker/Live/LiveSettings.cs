using System.ComponentModel.DataAnnotations;

namespace Realtime.MediaWorker.Live;

/// <summary>Live streams this worker takes (section "Live").</summary>
public sealed class LiveSettings : IValidatableObject
{
    public const string Section = "Live";

    /// <summary>Live streams this worker runs at once, beside its transcoding jobs. 0: none. Default 1.</summary>
    [Range(0, 8)] public int Slots { get; set; } = 1;

    /// <summary>Address the SRT listener binds to. Default 127.0.0.1; 0.0.0.0 on a studio-facing host.</summary>
    [Required] public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>Host name or address the studio encoder sends to (shown to the admin). Default 127.0.0.1.</summary>
    [Required] public string PublicHost { get; set; } = "127.0.0.1";

    /// <summary>First UDP port for SRT listeners. Default 9000.</summary>
    [Range(1024, 65535)] public int PortFrom { get; set; } = 9000;

    /// <summary>Last UDP port for SRT listeners. Default 9099.</summary>
    [Range(1024, 65535)] public int PortTo { get; set; } = 9099;

    /// <summary>The live ladder's rungs by height, never above the input. Default 720, 480, 360.</summary>
    public List<int> Heights { get; set; } = [720, 480, 360];

    /// <summary>Segment length in seconds (1–2); every rung has a keyframe at each boundary. Default 1.</summary>
    [Range(1, 2)] public int SegmentSeconds { get; set; } = 1;

    /// <summary>Highest frame rate of the ladder. Default 30.</summary>
    [Range(10, 60)] public int MaxFrameRate { get; set; } = 30;

    /// <summary>x264 preset of the live encode: fast enough to stay at 1.0× on the worker's cores. Default veryfast.</summary>
    [Required] public string X264Preset { get; set; } = "veryfast";

    /// <summary>No input for this long while the stream is open → the admin page says so. Default 30.</summary>
    [Range(3, 3600)] public int NoInputSeconds { get; set; } = 30;

    /// <summary>Seconds between health reports (each renews the lease). Default 2.</summary>
    [Range(1, 30)] public int ReportSeconds { get; set; } = 2;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PortTo < PortFrom)
            yield return new ValidationResult("Live:PortTo must not be below Live:PortFrom.", [nameof(PortTo)]);
        if (Heights.Count is < 1 or > 5 || Heights.Any(h => h is < 144 or > 2160 || h % 2 != 0))
            yield return new ValidationResult("Live:Heights: 1–5 even heights between 144 and 2160.", [nameof(Heights)]);
    }
}

using System.ComponentModel.DataAnnotations;

namespace Realtime.LiveApi.Media;

/// <summary>Uploads, transcoding jobs and playback (section "Media").</summary>
public sealed class MediaSettings : IValidatableObject
{
    public const string Section = "Media";

    /// <summary>Largest recording accepted. Default 16 GiB.</summary>
    [Range(1, long.MaxValue)] public long MaxUploadBytes { get; set; } = 16L << 30;

    /// <summary>Size of each uploaded block; a dropped upload resumes from the first missing block. Default 8 MiB.</summary>
    [Range(1 << 18, 100 << 20)] public int BlockSizeBytes { get; set; } = 8 << 20;

    /// <summary>File types accepted for upload (by extension; ffprobe checks the content before transcoding).</summary>
    public List<string> AllowedExtensions { get; set; } = [".mp4", ".mov", ".mkv", ".m4v", ".ts", ".mpg", ".mpeg", ".webm", ".m4a", ".mp3", ".wav", ".aac", ".flac"];

    /// <summary>Keys that media workers present as "x-worker-key". The development key is only in appsettings.Development.json.</summary>
    public List<string> WorkerKeys { get; set; } = [];

    /// <summary>A worker that sends no progress for this long loses its job to the queue. Default 30 s.</summary>
    [Range(5, 3600)] public int LeaseSeconds { get; set; } = 30;

    /// <summary>Attempts per job before it fails for good. Default 3.</summary>
    [Range(1, 20)] public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// Lifetime of the upload SAS a browser writes blocks with. Short: the upload page asks for a fresh one when it
    /// runs out (a long upload renews it), and none is handed out once the upload is complete. Default 30 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan UploadSasLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Lifetime of the SAS URLs handed to workers (source and outputs): a few lease periods. Each answer to a worker's
    /// progress report (which renews the lease) carries fresh ones, so a job may run for hours while a worker that lost
    /// its lease holds URLs that stop working within this time. At least the lease (checked at start). Default 2 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan TransferSasLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Lifetime of the read SAS a playback redirect points to. Default 10 minutes.</summary>
    public TimeSpan PlaybackSasLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Origins allowed by the blob service's CORS rules (browsers upload and play straight from storage). Empty (the
    /// default) means any origin, which only Development accepts: Production must list the site's origins.
    /// </summary>
    public List<string> CorsOrigins { get; set; } = [];

    /// <summary>The origins the CORS rule allows: the configured ones, or any while none are configured (Development).</summary>
    public string CorsRule => CorsOrigins.Count == 0 ? "*" : string.Join(',', CorsOrigins);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TransferSasLifetime < TimeSpan.FromSeconds(2 * LeaseSeconds))
            yield return new ValidationResult("Media:TransferSasLifetime must be at least two lease periods (Media:LeaseSeconds): workers renew it with the lease.",
                [nameof(TransferSasLifetime)]);
    }
}

using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Sas;
using Microsoft.Extensions.Options;
using Realtime.Contracts.Media;
using Realtime.ServiceDefaults;

namespace Realtime.LiveApi.Media;

/// <summary>
/// LiveApi is the only process holding the storage key: it hands out short-lived SAS URLs (browsers upload, workers
/// read sources and write outputs, players read), commits uploads and sets the blob service's CORS rules.
/// </summary>
public sealed class MediaStorage(IOptions<StorageSettings> storage, IOptions<MediaSettings> settings, TimeProvider clock)
{
    public const string SourcesContainer = "sources";

    private readonly BlobServiceClient _service = new(storage.Value.ConnectionString);

    public BlobContainerClient Sources => _service.GetBlobContainerClient(SourcesContainer);

    /// <summary>Where browsers upload to and play from (scheme, host, port), for the pages' Content-Security-Policy.</summary>
    public string Origin => _service.Uri.GetLeftPart(UriPartial.Authority);

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await Sources.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var properties = (await _service.GetPropertiesAsync(cancellationToken)).Value;
        properties.Cors =
        [
            new BlobCorsRule
            {
                AllowedOrigins = settings.Value.CorsRule,
                AllowedMethods = "GET,HEAD,PUT,OPTIONS",
                AllowedHeaders = "*",
                ExposedHeaders = "*",
                MaxAgeInSeconds = 3600,
            },
        ];
        await _service.SetPropertiesAsync(properties, cancellationToken);
    }

    /// <summary>Write-only SAS of the source blob, for the browser's block uploads.</summary>
    public Uri UploadUrl(string blobName) =>
        Sources.GetBlobClient(blobName).GenerateSasUri(BlobSasPermissions.Create | BlobSasPermissions.Write, Expiry(settings.Value.UploadSasLifetime));

    /// <summary>Read SAS of the source, of its sealed snapshot when there is one (what the job must transcode).</summary>
    public Uri SourceReadUrl(string blobName, string? snapshot = null)
    {
        var blob = Sources.GetBlobClient(blobName);
        return (snapshot is null ? blob : blob.WithSnapshot(snapshot)).GenerateSasUri(BlobSasPermissions.Read, Expiry(settings.Value.TransferSasLifetime));
    }

    /// <summary>Takes a snapshot of the committed source; later writes to the blob do not change it.</summary>
    public async Task<string> Seal(string blobName, CancellationToken cancellationToken) =>
        (await Sources.GetBlobClient(blobName).CreateSnapshotAsync(cancellationToken: cancellationToken)).Value.Snapshot;

    /// <summary>Creates the job's own output container and returns a SAS that can write only there.</summary>
    public async Task<Uri> CreateOutputs(string container, CancellationToken cancellationToken)
    {
        await _service.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        return OutputWriteUrl(container);
    }

    /// <summary>A SAS that can write only in the job's output container (renewed with each lease renewal).</summary>
    public Uri OutputWriteUrl(string container) =>
        _service.GetBlobContainerClient(container).GenerateSasUri(
            BlobContainerSasPermissions.Create | BlobContainerSasPermissions.Write | BlobContainerSasPermissions.List,
            Expiry(settings.Value.TransferSasLifetime));

    /// <summary>
    /// Creates a live stream's container and returns a SAS that can read, write and append only there: the worker
    /// appends to the playlists (append blobs) and a worker taking over reads what its predecessor published.
    /// </summary>
    public async Task<Uri> CreateLive(string container, CancellationToken cancellationToken)
    {
        await _service.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        return LiveWriteUrl(container);
    }

    /// <summary>The live worker's SAS (renewed with each report), as <see cref="CreateLive"/>.</summary>
    public Uri LiveWriteUrl(string container) =>
        _service.GetBlobContainerClient(container).GenerateSasUri(
            BlobContainerSasPermissions.Read | BlobContainerSasPermissions.Add | BlobContainerSasPermissions.Create
            | BlobContainerSasPermissions.Write | BlobContainerSasPermissions.List,
            Expiry(settings.Value.TransferSasLifetime));

    /// <summary>A blob's content as a stream with its length, or null when it does not exist (live segments).</summary>
    public async Task<(Stream Content, long Length)?> OpenRead(string container, string path, CancellationToken cancellationToken)
    {
        try
        {
            var result = (await _service.GetBlobContainerClient(container).GetBlobClient(path).DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;
            return (result.Content, result.Details.ContentLength);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Deletes a job's whole output container (a replaced replay); nothing happens when it is already gone.</summary>
    public async Task DeleteOutputs(string container, CancellationToken cancellationToken) =>
        await _service.GetBlobContainerClient(container).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    public Uri PlaybackUrl(string container, string path) =>
        _service.GetBlobContainerClient(container).GetBlobClient(path).GenerateSasUri(BlobSasPermissions.Read, Expiry(settings.Value.PlaybackSasLifetime));

    /// <summary>Indices of the blocks already uploaded (uncommitted), so a dropped upload resumes where it stopped.</summary>
    public async Task<IReadOnlyList<int>> UploadedBlocks(UploadSession session, CancellationToken cancellationToken)
    {
        var blob = Sources.GetBlockBlobClient(session.BlobName);
        if (!(await blob.ExistsAsync(cancellationToken)).Value && !await HasUncommitted(blob, cancellationToken))
            return [];
        var list = (await blob.GetBlockListAsync(BlockListTypes.Uncommitted, cancellationToken: cancellationToken)).Value;
        var ids = list.UncommittedBlocks.Select(b => b.Name).ToHashSet();
        return [.. Enumerable.Range(0, session.BlockCount).Where(i => ids.Contains(UploadSession.BlockId(i)))];
    }

    /// <summary>Commits every block in order. Null when done; otherwise the first missing block.</summary>
    public async Task<int?> Commit(UploadSession session, CancellationToken cancellationToken)
    {
        var blob = Sources.GetBlockBlobClient(session.BlobName);
        if ((await blob.ExistsAsync(cancellationToken)).Value)
            return null; // committed by an earlier call
        var uploaded = (await UploadedBlocks(session, cancellationToken)).ToHashSet();
        for (var i = 0; i < session.BlockCount; i++)
        {
            if (!uploaded.Contains(i))
                return i;
        }
        await blob.CommitBlockListAsync(Enumerable.Range(0, session.BlockCount).Select(UploadSession.BlockId),
            new CommitBlockListOptions { HttpHeaders = new BlobHttpHeaders { ContentType = session.ContentType } }, cancellationToken);
        return null;
    }

    /// <summary>A small text blob (playlist, storyboard map), or null when it does not exist.</summary>
    public async Task<string?> ReadText(string container, string path, CancellationToken cancellationToken)
    {
        try
        {
            var content = await _service.GetBlobContainerClient(container).GetBlobClient(path).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToString();
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<long> SizeOf(string blobName, CancellationToken cancellationToken) =>
        (await Sources.GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ContentLength;

    private static async Task<bool> HasUncommitted(BlockBlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            var list = await blob.GetBlockListAsync(BlockListTypes.Uncommitted, cancellationToken: cancellationToken);
            return list.Value.UncommittedBlocks.Any();
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    private DateTimeOffset Expiry(TimeSpan lifetime) => clock.GetUtcNow() + lifetime;
}

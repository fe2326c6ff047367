using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Realtime.MediaWorker.Transcoding;

namespace Realtime.MediaWorker.Jobs;

/// <summary>Moves bytes with the SAS URLs a lease carries; the worker holds no storage key.</summary>
public static class JobTransfer
{
    public static async Task DownloadAsync(string sourceUrl, string path, CancellationToken cancellationToken) =>
        await new BlobClient(new Uri(sourceUrl)).DownloadToAsync(path, cancellationToken);

    /// <summary>Uploads every output with its content type; segments and pictures never change, so they cache for a year.</summary>
    public static async Task UploadAsync(string containerUrl, string folder, IReadOnlyList<OutputFile> files, CancellationToken cancellationToken)
    {
        var container = new BlobContainerClient(new Uri(containerUrl));
        using var gate = new SemaphoreSlim(4);
        await Task.WhenAll(files.Select(async file =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var text = file.RelativePath.EndsWith(".m3u8", StringComparison.Ordinal) || file.RelativePath.EndsWith(".vtt", StringComparison.Ordinal);
                var headers = new BlobHttpHeaders
                {
                    ContentType = file.ContentType,
                    CacheControl = text ? "public, max-age=300" : "public, max-age=31536000, immutable",
                };
                await using var stream = File.OpenRead(Path.Combine(folder, file.RelativePath));
                await container.GetBlobClient(file.RelativePath).UploadAsync(stream, new BlobUploadOptions { HttpHeaders = headers }, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));
    }
}

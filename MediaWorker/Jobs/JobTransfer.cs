using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Realtime.MediaWorker.Transcoding;

namespace Realtime.MediaWorker.Jobs;

/// <summary>Moves bytes with the SAS a lease carries (see <see cref="JobAccess"/>); the worker holds no storage key.</summary>
public static class JobTransfer
{
    public static async Task DownloadAsync(BlobClient source, string path, CancellationToken cancellationToken) =>
        await source.DownloadToAsync(path, cancellationToken);

    /// <summary>Segments, init sections and pictures never change once written.</summary>
    public const string Immutable = "public, max-age=31536000, immutable";

    /// <summary>Finished playlists and the storyboard map: small, and replaced if the programme is transcoded again.</summary>
    public const string Revalidate = "public, max-age=300";

    /// <summary>Playlists still growing while the ladder runs.</summary>
    public const string Growing = "no-cache";

    /// <summary>
    /// Uploads every output with its content type, except what <paramref name="alreadyUploaded"/> says is up (the
    /// segments published while ffmpeg ran). Media first, then the variant playlists, the master last: a player that
    /// reads a finished playlist finds every segment it lists.
    /// </summary>
    public static async Task UploadAsync(BlobContainerClient container, string folder, IReadOnlyList<OutputFile> files,
        Func<string, bool> alreadyUploaded, CancellationToken cancellationToken)
    {
        var pending = files.Where(f => !alreadyUploaded(f.RelativePath)).ToList();
        static bool IsMaster(OutputFile f) => f.RelativePath == OutputLayout.MasterPlaylist;
        await UploadAllAsync(container, folder, pending.Where(f => !IsText(f.RelativePath)), cancellationToken);
        await UploadAllAsync(container, folder, pending.Where(f => IsText(f.RelativePath) && !IsMaster(f)), cancellationToken);
        await UploadAllAsync(container, folder, pending.Where(IsMaster), cancellationToken);
    }

    /// <summary>Uploads one output file with its content type (by name) and the given cache policy.</summary>
    public static Task UploadFileAsync(BlobContainerClient container, string folder, string relativePath, string cacheControl,
        CancellationToken cancellationToken) =>
        UploadFileAsync(container, folder, relativePath, cacheControl, relativePath, cancellationToken);

    /// <summary>As above, stored under <paramref name="blobPath"/> (a live connection's folder, say).</summary>
    public static async Task UploadFileAsync(BlobContainerClient container, string folder, string relativePath, string cacheControl,
        string blobPath, CancellationToken cancellationToken)
    {
        var headers = new BlobHttpHeaders { ContentType = OutputCatalog.ContentType(relativePath), CacheControl = cacheControl };
        await using var stream = File.OpenRead(Path.Combine(folder, relativePath));
        await container.GetBlobClient(blobPath).UploadAsync(stream, new BlobUploadOptions { HttpHeaders = headers }, cancellationToken);
    }

    private static bool IsText(string relativePath) =>
        relativePath.EndsWith(".m3u8", StringComparison.Ordinal) || relativePath.EndsWith(".vtt", StringComparison.Ordinal);

    private static async Task UploadAllAsync(BlobContainerClient container, string folder, IEnumerable<OutputFile> files, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(4);
        await Task.WhenAll(files.Select(async file =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                await UploadFileAsync(container, folder, file.RelativePath, IsText(file.RelativePath) ? Revalidate : Immutable, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));
    }
}

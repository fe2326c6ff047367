using Realtime.Contracts.Common;

namespace Realtime.Contracts.Media;

/// <summary>
/// A resumable upload of a recording (key = recording id): the browser writes fixed-size blocks straight into Blob
/// storage with a SAS; LiveApi commits the block list and creates the transcoding job.
/// </summary>
[GenerateSerializer, Immutable, Alias("Realtime.UploadSession")]
public sealed record UploadSession(
    [property: Id(0)] string RecordingId,
    [property: Id(1)] string ProgrammeId,
    [property: Id(2)] string FileName,
    [property: Id(3)] long SizeBytes,
    [property: Id(4)] string ContentType,
    [property: Id(5)] string BlobName,
    [property: Id(6)] int BlockSize,
    [property: Id(7)] MediaKind Kind,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] string? JobId,
    [property: Id(10)] string? SealedSnapshot = null,
    [property: Id(11)] bool Replace = false)
{
    public int BlockCount => (int)((SizeBytes + BlockSize - 1) / BlockSize);

    /// <summary>Block ids are the same base64 length for every block, as Blob storage requires.</summary>
    public static string BlockId(int index) => Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes($"block-{index:D6}"));
}

[Alias("Realtime.IUploadGrain")]
public interface IUploadGrain : IGrainWithStringKey
{
    [Alias("Start")]
    Task<Result<UploadSession>> Start(UploadSession session);

    [Alias("Get")]
    Task<UploadSession?> Get();

    /// <summary>
    /// Records the snapshot taken of the committed source: the job reads that snapshot, so whoever still holds the
    /// upload SAS cannot change what is transcoded. The first snapshot stays.
    /// </summary>
    [Alias("Sealed")]
    Task<UploadSession> Sealed(string snapshot);

    /// <summary>Records the job created from the committed upload; a second completion gets the same job.</summary>
    [Alias("Completed")]
    Task<UploadSession> Completed(string jobId);
}

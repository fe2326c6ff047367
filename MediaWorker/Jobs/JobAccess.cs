using Azure;
using Azure.Storage.Blobs;
using Realtime.Media.Grpc;

namespace Realtime.MediaWorker.Jobs;

/// <summary>
/// The storage a leased job may touch: its source (read) and its output container (write), each reached with a SAS that
/// LiveApi keeps short-lived and renews with every lease renewal. The clients read the current signature on each
/// request, so a long transfer keeps working as the signatures are replaced.
/// </summary>
public sealed class JobAccess
{
    private readonly AzureSasCredential _sourceSas;
    private readonly AzureSasCredential _outputSas;

    public JobAccess(Job job)
    {
        (var source, _sourceSas) = Split(job.SourceUrl);
        (var outputs, _outputSas) = Split(job.OutputContainerUrl);
        Source = new BlobClient(source, _sourceSas);
        Outputs = new BlobContainerClient(outputs, _outputSas);
    }

    public BlobClient Source { get; }

    public BlobContainerClient Outputs { get; }

    /// <summary>Takes the fresh signatures a lease renewal brought (none: the previous ones stay).</summary>
    public void Renew(JobControl control)
    {
        if (!string.IsNullOrEmpty(control.SourceUrl))
            _sourceSas.Update(Signature(control.SourceUrl));
        if (!string.IsNullOrEmpty(control.OutputContainerUrl))
            _outputSas.Update(Signature(control.OutputContainerUrl));
    }

    private static (Uri Resource, AzureSasCredential Signature) Split(string url)
    {
        var builder = new BlobUriBuilder(new Uri(url));
        var signature = builder.Sas?.ToString() ?? throw new ArgumentException("The lease's URL carries no SAS.", nameof(url));
        builder.Sas = null; // the resource itself (a snapshot stays part of it)
        return (builder.ToUri(), new AzureSasCredential(signature));
    }

    private static string Signature(string url) =>
        new BlobUriBuilder(new Uri(url)).Sas?.ToString() ?? throw new ArgumentException("The renewal's URL carries no SAS.", nameof(url));
}

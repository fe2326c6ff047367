using System.Net.Http.Json;
using Azure.Storage.Blobs;
using Grpc.Core;
using Realtime.Contracts.Media;
using Realtime.Contracts.Programmes;
using Realtime.Media.Grpc;
using Realtime.Testing;

namespace Realtime.IntegrationTests.Media;

/// <summary>The SAS a worker holds lives a few lease periods and is renewed with the lease (the stack sets 20 s).</summary>
[Collection(MediaStackCollection.Name)]
public sealed class WorkerSasTests(MediaStack stack)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(20);
    private static readonly Metadata WorkerKey = new() { { "x-worker-key", WorkerProcess.Key } };

    [Fact]
    public async Task LeaseSas_ExpiresWithinItsLifetime_EachLeaseRenewalBringsAFreshOneThatWrites()
    {
        // This test holds the lease itself: the stack's worker is stopped meanwhile.
        await stack.Worker.DisposeAsync();
        try
        {
            using var admin = await stack.Api.AsAsync("admin");
            var body = ApiClient.ProgrammeBody("审批讲座：短时签名", ["210103"], "ApprovalLecture");
            var programme = await (await admin.PostAsJsonAsync("/api/programmes", body, ApiClient.Json)).ReadAsync<ProgrammeDetails>();
            (await admin.PostAsync($"/api/programmes/{programme.Id}/live", null)).EnsureSuccessStatusCode();
            (await admin.PostAsync($"/api/programmes/{programme.Id}/end", null)).EnsureSuccessStatusCode();
            var file = await stack.Sample("sas.mp4", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-t", "2", "-c:v", "libx264", "-preset", "ultrafast");
            var job = await (await stack.UploadAsync(admin, programme.Id, file)).ReadAsync<MediaJob>();

            using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(stack.Api.GrpcAddress);
            var client = new MediaJobs.MediaJobsClient(channel);
            var leasedAt = DateTimeOffset.UtcNow;
            var lease = await client.LeaseAsync(new LeaseRequest { WorkerId = "sas-test" }, WorkerKey);
            Assert.Equal(job.JobId, lease.Job?.JobId);
            Assert.InRange(ExpiresOn(lease.Job!.SourceUrl) - leasedAt, TimeSpan.Zero, Lifetime + TimeSpan.FromSeconds(5));
            Assert.InRange(ExpiresOn(lease.Job.OutputContainerUrl) - leasedAt, TimeSpan.Zero, Lifetime + TimeSpan.FromSeconds(5));

            await Task.Delay(TimeSpan.FromSeconds(1.5)); // SAS expiry is in whole seconds: the renewal's must be later
            using var progress = client.Progress(WorkerKey);
            await progress.RequestStream.WriteAsync(new ProgressReport { JobId = job.JobId, WorkerId = "sas-test", Percent = 5 });
            Assert.True(await progress.ResponseStream.MoveNext(CancellationToken.None), "LiveApi answers a progress report");
            var control = progress.ResponseStream.Current;
            Assert.False(control.Stop);
            Assert.True(ExpiresOn(control.SourceUrl) > ExpiresOn(lease.Job.SourceUrl), "the renewal brings a later source SAS");
            Assert.True(ExpiresOn(control.OutputContainerUrl) > ExpiresOn(lease.Job.OutputContainerUrl), "the renewal brings a later output SAS");
            Assert.Equal(new BlobUriBuilder(new Uri(lease.Job.SourceUrl)) { Sas = null }.ToUri(), new BlobUriBuilder(new Uri(control.SourceUrl)) { Sas = null }.ToUri());

            // The renewed output SAS writes in the job's container, and only there.
            var outputs = new BlobContainerClient(new Uri(control.OutputContainerUrl));
            await outputs.GetBlobClient("renewed.txt").UploadAsync(BinaryData.FromString("ok"));
            var elsewhere = new BlobUriBuilder(new Uri(control.OutputContainerUrl)) { BlobContainerName = "out-someone-else" }.ToUri();
            await Assert.ThrowsAsync<Azure.RequestFailedException>(() => new BlobContainerClient(elsewhere).GetBlobClient("x.txt").UploadAsync(BinaryData.FromString("no")));

            await progress.RequestStream.CompleteAsync();
            await client.FailAsync(new FailRequest { JobId = job.JobId, WorkerId = "sas-test", Code = "test_done", Message = "测试结束", Retryable = false }, WorkerKey);
        }
        finally
        {
            await stack.RestoreWorkerAsync();
        }
    }

    private static DateTimeOffset ExpiresOn(string url) => new BlobUriBuilder(new Uri(url)).Sas.ExpiresOn;
}

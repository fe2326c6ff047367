using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;
using Realtime.Live.Grpc;
using Realtime.Media.Grpc;
using Realtime.MediaWorker.Live;
using Realtime.MediaWorker.Transcoding;

namespace Realtime.MediaWorker.Jobs;

/// <summary>
/// Leases jobs from LiveApi over gRPC and runs <see cref="JobSettings.Concurrency"/> of them at once, and beside them
/// <see cref="LiveSettings.Slots"/> live streams (<see cref="LiveLoop"/>), all inside the orphan guard's folder.
/// </summary>
public sealed class JobWorker(IOptions<JobSettings> options, IOptions<LiveSettings> live, IOptions<WorkerSettings> worker, Transcoder transcoder,
    IMediaProber prober, ILogger<JobWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.Key))
        {
            WorkerLog.NoKey(logger);
            return;
        }
        var root = settings.WorkDirectory ?? Path.GetTempPath();
        foreach (var (folder, killed) in OrphanGuard.ReapLeftovers(root))
            WorkerLog.Reaped(logger, folder, killed);
        using var guard = OrphanGuard.Start(root, detail => WorkerLog.GuardUnavailable(logger, detail));
        using var channel = GrpcChannel.ForAddress(settings.LiveApiGrpc);
        var client = new MediaJobs.MediaJobsClient(channel);
        var auth = new Metadata { { "x-worker-key", settings.Key } };
        var liveClient = new LiveStreams.LiveStreamsClient(channel);
        var liveLoops = Enumerable.Range(0, live.Value.Slots).Select(_ =>
            new LiveLoop(liveClient, auth, live.Value, settings.WorkerId, worker.Value.Ffmpeg, prober, logger).RunAsync(guard.Folder, settings.PollSeconds, stoppingToken));
        await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(_ => Loop(client, auth, settings, guard.Folder, stoppingToken)).Concat(liveLoops));
    }

    private async Task Loop(MediaJobs.MediaJobsClient client, Metadata auth, JobSettings settings, string workFolder, CancellationToken stoppingToken)
    {
        var execution = new JobExecution(client, auth, settings, transcoder, workFolder, logger);
        while (!stoppingToken.IsCancellationRequested)
        {
            Job? job = null;
            try
            {
                job = (await client.LeaseAsync(new LeaseRequest { WorkerId = settings.WorkerId }, auth, cancellationToken: stoppingToken)).Job;
            }
            catch (RpcException ex) when (!stoppingToken.IsCancellationRequested)
            {
                WorkerLog.LeaseFailed(logger, ex.Status.StatusCode.ToString(), ex.Status.Detail);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (job is null)
            {
                await Task.Delay(TimeSpan.FromSeconds(settings.PollSeconds), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                continue;
            }
            WorkerLog.JobLeased(logger, job.JobId, job.Kind, job.Attempt);
            await execution.RunAsync(job, stoppingToken);
        }
    }
}

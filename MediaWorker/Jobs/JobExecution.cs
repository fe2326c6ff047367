using System.Diagnostics;
using Azure.Storage.Blobs;
using Grpc.Core;
using Realtime.Media.Grpc;
using Realtime.MediaWorker.Transcoding;

namespace Realtime.MediaWorker.Jobs;

/// <summary>
/// Runs one leased job: download the source, transcode, upload, report. Heartbeats keep the lease; a stop from
/// LiveApi (cancelled, lease lost) or the worker's shutdown cancels ffmpeg, which the transcoder kills outright.
/// </summary>
/// <param name="workFolder">This worker's own scratch folder (see <see cref="OrphanGuard"/>): every ffmpeg runs inside it.</param>
public sealed class JobExecution(MediaJobs.MediaJobsClient client, Metadata auth, JobSettings settings, Transcoder transcoder, string workFolder,
    ILogger logger)
{
    public async Task RunAsync(Job job, CancellationToken stopping)
    {
        var folder = Path.Combine(workFolder, $"job-{job.JobId}-{job.Attempt}");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        using var call = client.Progress(auth, cancellationToken: stopping);
        var latest = new ProgressReport { JobId = job.JobId, WorkerId = settings.WorkerId, Percent = 0 };
        using var span = WorkerTelemetry.Source.StartActivity("transcode job", ActivityKind.Internal);
        span?.SetTag("realtime.job.id", job.JobId);
        span?.SetTag("realtime.job.kind", job.Kind);
        var started = Stopwatch.GetTimestamp();
        var outcome = "stopped";
        double? mediaSeconds = null;
        var access = new JobAccess(job);
        var listening = Listen(call, access, stop);
        var beating = Heartbeat(call, () => latest, stop.Token);
        try
        {
            Directory.CreateDirectory(folder);
            var source = Path.Combine(folder, "source" + Path.GetExtension(job.FileName));
            using (WorkerTelemetry.Source.StartActivity("download source"))
                await JobTransfer.DownloadAsync(access.Source, source, stop.Token);

            var output = Path.Combine(folder, "out");
            var publisher = new SegmentPublisher(access.Outputs, output);
            var progress = new Progress<TranscodeProgress>(p => latest = new ProgressReport
            {
                JobId = job.JobId,
                WorkerId = settings.WorkerId,
                Percent = p.Percent ?? 0,
                Fps = p.Fps ?? 0,
                Speed = p.Speed ?? 0,
                EtaSeconds = p.Eta?.TotalSeconds ?? 0,
                Playable = publisher.Playable,
            });
            var kind = job.Kind == "Radio" ? ProgrammeKind.Radio : ProgrammeKind.Video;
            TranscodeResult result;
            using (WorkerTelemetry.Source.StartActivity("ffmpeg"))
            {
                result = await TranscodeWhilePublishingAsync(new TranscodeRequest(source, output, kind), progress, publisher,
                    () => latest = new ProgressReport(latest) { Playable = true }, stop.Token);
            }
            if (result.Succeeded)
            {
                using (WorkerTelemetry.Source.StartActivity("upload outputs"))
                    await JobTransfer.UploadAsync(access.Outputs, output, result.Files, publisher.IsUploaded, stop.Token);
                (outcome, mediaSeconds) = ("succeeded", result.Plan!.Duration.TotalSeconds);
                await client.CompleteAsync(Completion(job, result), auth, cancellationToken: stopping);
                WorkerLog.JobSucceeded(logger, job.JobId, result.Plan!.Duration.TotalSeconds);
            }
            else
            {
                // Bad input and deterministic ffmpeg failures fail at once; only transient ones are tried again.
                var retryable = RetryPolicy.IsRetryable(result);
                var failure = new FailRequest
                {
                    JobId = job.JobId,
                    WorkerId = settings.WorkerId,
                    Code = result.Reasons[0].Code,
                    Message = RetryPolicy.OneLine(result.Reasons[0].Message),
                    StderrTail = { result.StderrTail },
                    Retryable = retryable,
                };
                failure.Reasons.AddRange(result.Reasons.Select(r => new Realtime.Media.Grpc.FailureReason { Code = r.Code, Message = RetryPolicy.OneLine(r.Message) }));
                await client.FailAsync(failure, auth, cancellationToken: stopping);
                outcome = "failed";
                WorkerLog.JobFailed(logger, job.JobId, string.Join(" ", result.Reasons.Select(r => r.Code)), retryable);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped by LiveApi (cancelled or lease lost) or by our own shutdown: ffmpeg is already gone.
            if (stopping.IsCancellationRequested)
                await TellStopped(job);
            WorkerLog.JobStopped(logger, job.JobId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            WorkerLog.JobCrashed(logger, job.JobId, ex);
            var reason = RetryPolicy.Explain(ex);
            await TryFail(job, reason.Code, reason.Message, RetryPolicy.IsRetryable(ex));
            outcome = "failed";
        }
        finally
        {
            WorkerTelemetry.Finished(outcome, job.Kind, Stopwatch.GetElapsedTime(started), mediaSeconds);
            span?.SetTag("realtime.job.outcome", outcome);
            await stop.CancelAsync();
            await call.RequestStream.CompleteAsync().ContinueWith(_ => { }, TaskScheduler.Default);
            await Task.WhenAll(listening, beating).ContinueWith(_ => { }, TaskScheduler.Default);
            TryDelete(folder);
        }
    }

    /// <summary>Transcodes while a <see cref="SegmentPublisher"/> uploads the segments already made (unless switched off).</summary>
    private async Task<TranscodeResult> TranscodeWhilePublishingAsync(TranscodeRequest request, IProgress<TranscodeProgress> progress,
        SegmentPublisher publisher, Action onPlayable, CancellationToken cancellationToken)
    {
        if (settings.PublishSeconds == 0)
            return await transcoder.TranscodeAsync(request, progress, cancellationToken);
        using var publishing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var early = publisher.RunAsync(TimeSpan.FromSeconds(settings.PublishSeconds), onPlayable, publishing.Token);
        try
        {
            return await transcoder.TranscodeAsync(request, progress, cancellationToken);
        }
        finally
        {
            await publishing.CancelAsync();
            await early;
        }
    }

    private CompleteRequest Completion(Job job, TranscodeResult result)
    {
        var plan = result.Plan!;
        var video = plan.Video;
        var request = new CompleteRequest
        {
            JobId = job.JobId,
            WorkerId = settings.WorkerId,
            MasterPath = OutputLayout.MasterPlaylist,
            DownloadPath = !plan.Download ? "" : video is null ? OutputLayout.AudioDownload : video.DownloadRung is null ? "" : OutputLayout.VideoDownload,
            // Pictures are optional: only those that were made are named.
            PosterPath = OutputFinisher.HasPoster(result.Files) ? OutputLayout.Poster : "",
            StoryboardPath = OutputFinisher.HasStoryboard(result.Files) ? OutputLayout.StoryboardVtt : "",
            DurationSeconds = plan.Duration.TotalSeconds,
        };
        if (video is not null)
            request.Renditions.AddRange(video.Rungs.Select(r => new RenditionInfo { Name = r.Name, Width = r.Width, Height = r.Height, BitrateKbps = r.BitrateKbps }));
        else
            request.Renditions.Add(new RenditionInfo { Name = OutputLayout.AudioVariant, BitrateKbps = plan.Audio.BitrateKbps });
        return request;
    }

    private static async Task Listen(AsyncDuplexStreamingCall<ProgressReport, JobControl> call, JobAccess access, CancellationTokenSource stop)
    {
        try
        {
            await foreach (var control in call.ResponseStream.ReadAllAsync(stop.Token))
            {
                access.Renew(control);
                if (control.Stop)
                {
                    await stop.CancelAsync();
                    return;
                }
            }
        }
        catch (Exception) when (stop.IsCancellationRequested) { }
        catch (RpcException) { }
    }

    private async Task Heartbeat(AsyncDuplexStreamingCall<ProgressReport, JobControl> call, Func<ProgressReport> latest, CancellationToken token)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.HeartbeatSeconds));
        try
        {
            do
            {
                await call.RequestStream.WriteAsync(latest(), token);
            }
            while (await timer.WaitForNextTickAsync(token));
        }
        catch (Exception) when (token.IsCancellationRequested) { }
        catch (RpcException ex)
        {
            WorkerLog.HeartbeatFailed(logger, ex.Status.Detail);
        }
    }

    private Task TellStopped(Job job) =>
        TryFail(job, "worker_stopped", "转码节点停止运行（worker_stopped）：任务已重新排队。", retryable: true);

    private async Task TryFail(Job job, string code, string message, bool retryable)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await client.FailAsync(new FailRequest { JobId = job.JobId, WorkerId = settings.WorkerId, Code = code, Message = message, Retryable = retryable },
                auth, cancellationToken: timeout.Token);
        }
        catch (Exception ex)
        {
            WorkerLog.HeartbeatFailed(logger, ex.Message);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

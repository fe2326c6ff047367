using System.Collections.Immutable;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Realtime.Contracts.Common;
using Realtime.Contracts.Media;
using Realtime.LiveApi.Media;
using Realtime.Media.Grpc;

namespace Realtime.LiveApi.Grpc;

/// <summary>The workers' side of the media queue. Checks the worker key and the input, then calls the job grains.</summary>
public sealed class MediaJobsGrpcService(IGrainFactory grains, MediaStorage storage, IOptions<MediaSettings> options, TimeProvider clock)
    : MediaJobs.MediaJobsBase
{
    private TimeSpan LeaseTime => TimeSpan.FromSeconds(options.Value.LeaseSeconds);

    public override async Task<LeaseReply> Lease(LeaseRequest request, ServerCallContext context)
    {
        Authorize(context);
        var worker = WorkerId(request.WorkerId);
        var job = await grains.GetGrain<IMediaQueueGrain>(IMediaQueueGrain.Key).LeaseNext(worker, LeaseTime);
        if (job is null)
            return new LeaseReply();
        var upload = await grains.GetGrain<IUploadGrain>(job.RecordingId).Get();
        return new LeaseReply
        {
            Job = new Job
            {
                JobId = job.JobId,
                ProgrammeId = job.ProgrammeId,
                Kind = job.Kind.ToString(),
                SourceUrl = storage.SourceReadUrl(job.SourceBlob, upload?.SealedSnapshot).ToString(),
                OutputContainerUrl = (await storage.CreateOutputs(job.OutputContainer, context.CancellationToken)).ToString(),
                LeaseSeconds = options.Value.LeaseSeconds,
                FileName = job.FileName,
                SizeBytes = job.SizeBytes,
                Attempt = job.Attempts,
            },
        };
    }

    public override async Task Progress(IAsyncStreamReader<ProgressReport> requestStream, IServerStreamWriter<Realtime.Media.Grpc.JobControl> responseStream, ServerCallContext context)
    {
        Authorize(context);
        (string JobId, string Source, string? Snapshot, string Outputs)? where = null; // what the stream's job reads and writes, looked up once
        await foreach (var report in requestStream.ReadAllAsync(context.CancellationToken))
        {
            var job = JobGrain(report.JobId);
            var progress = new MediaProgress(Clamp(report.HasPercent ? report.Percent : null, 0, 100), Clamp(report.HasFps ? report.Fps : null, 0, 10000),
                Clamp(report.HasSpeed ? report.Speed : null, 0, 10000), Clamp(report.HasEtaSeconds ? report.EtaSeconds : null, 0, 1e7));
            var control = await job.Heartbeat(WorkerId(report.WorkerId), progress, clock.GetUtcNow() + LeaseTime, report.Playable);
            var reply = new Realtime.Media.Grpc.JobControl { Stop = control == Contracts.Media.JobControl.Stop, LeaseSeconds = options.Value.LeaseSeconds };
            if (!reply.Stop)
            {
                // The lease is renewed: so are the worker's SAS URLs (short-lived, see Media:TransferSasLifetime).
                if (where?.JobId != report.JobId && await job.Get() is { } leased)
                    where = (leased.JobId, leased.SourceBlob, (await grains.GetGrain<IUploadGrain>(leased.RecordingId).Get())?.SealedSnapshot, leased.OutputContainer);
                if (where is { } w)
                {
                    reply.SourceUrl = storage.SourceReadUrl(w.Source, w.Snapshot).ToString();
                    reply.OutputContainerUrl = storage.OutputWriteUrl(w.Outputs).ToString();
                }
            }
            await responseStream.WriteAsync(reply);
        }
    }

    public override async Task<Ack> Complete(CompleteRequest request, ServerCallContext context)
    {
        Authorize(context);
        if (request.Renditions.Count > 10)
            throw Invalid("renditions", "at most 10 renditions");
        var job = await JobGrain(request.JobId).Get() ?? throw new RpcException(new Status(StatusCode.NotFound, $"No job {request.JobId}."));
        var recording = new Recording(job.ProgrammeId, job.JobId, job.Kind, MediaPath(request.MasterPath, "master_path")!,
            MediaPath(request.DownloadPath, "download_path"), MediaPath(request.PosterPath, "poster_path"), MediaPath(request.StoryboardPath, "storyboard_path"),
            Clamp(request.DurationSeconds, 0, 1e6) ?? 0,
            [.. request.Renditions.Select(r => new Rendition(Text(r.Name, 20, "renditions.name"), r.Width, r.Height, r.BitrateKbps))],
            clock.GetUtcNow());
        var completed = await JobGrain(request.JobId).Complete(WorkerId(request.WorkerId), recording);
        // The replay this one replaced is no longer played: its outputs go once the new one is published.
        if (completed is { IsOk: true, Value.ReplacedJobId: { } replaced })
            await storage.DeleteOutputs(MediaJob.OutputContainerOf(replaced), context.CancellationToken);
        return Ack(completed);
    }

    public override async Task<Ack> Fail(FailRequest request, ServerCallContext context)
    {
        Authorize(context);
        var tail = request.StderrTail.TakeLast(60).Select(l => l.Length > 500 ? l[..500] : l).ToImmutableArray();
        if (request.Reasons.Count > 20)
            throw Invalid("reasons", "at most 20 reasons");
        ImmutableArray<JobFailureReason> reasons = request.Reasons.Count > 0
            ? [.. request.Reasons.Select(r => new JobFailureReason(Text(r.Code, 50, "reasons.code"), Text(r.Message, 1000, "reasons.message")))]
            : [new JobFailureReason(Text(request.Code, 50, "code"), Text(request.Message, 1000, "message"))];
        var result = await JobGrain(request.JobId).Fail(WorkerId(request.WorkerId), reasons, tail, request.Retryable);
        return Ack(result);
    }

    private void Authorize(ServerCallContext context) => WorkerKey.Authorize(context, options.Value);

    private IMediaJobGrain JobGrain(string jobId) =>
        jobId.Length is >= 1 and <= 40 && jobId.All(char.IsAsciiHexDigitLower)
            ? grains.GetGrain<IMediaJobGrain>(jobId)
            : throw Invalid("job_id", "not a job id");

    private static string WorkerId(string id) => Text(id, 100, "worker_id");

    private static string Text(string value, int max, string field) => WorkerKey.Text(value, max, field);

    private static string? MediaPath(string path, string field) =>
        string.IsNullOrEmpty(path) ? null
        : path.Length > 200 || path.Contains("..", StringComparison.Ordinal) || path.StartsWith('/') || path.Any(char.IsControl) ? throw Invalid(field, "a relative path inside the output container")
        : path;

    private static double? Clamp(double? value, double min, double max) => WorkerKey.Clamp(value, min, max);

    private static RpcException Invalid(string field, string rule) => WorkerKey.Invalid(field, rule);

    private static Ack Ack(Result<MediaJob> result) => result.IsOk
        ? new Ack { State = result.Value!.State.ToString() }
        : throw new RpcException(new Status(result.Error == ErrorKind.NotFound ? StatusCode.NotFound : StatusCode.FailedPrecondition, result.Message ?? ""));
}

using System.Text.RegularExpressions;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Realtime.Contracts.Common;
using Realtime.Contracts.LiveStreams;
using Realtime.Contracts.Media;
using Realtime.Live.Grpc;
using Realtime.LiveApi.Media;

namespace Realtime.LiveApi.Grpc;

/// <summary>The workers' side of live streams. Checks the worker key and the input, then calls the stream grains.</summary>
public sealed partial class LiveStreamsGrpcService(IGrainFactory grains, MediaStorage storage, IOptions<MediaSettings> options, TimeProvider clock)
    : LiveStreams.LiveStreamsBase
{
    /// <summary>The longest text one Append may carry (a few segments' lines of every variant).</summary>
    public const int MaxAppendChars = 16_384;

    private TimeSpan LeaseTime => TimeSpan.FromSeconds(options.Value.LeaseSeconds);

    public override async Task<LiveLeaseReply> Lease(LiveLeaseRequest request, ServerCallContext context)
    {
        Authorize(context);
        var worker = WorkerId(request.WorkerId);
        if (!Address().IsMatch(request.Address ?? ""))
            throw WorkerKey.Invalid("address", "host:port where the worker listens for SRT");
        var stream = await grains.GetGrain<ILiveQueueGrain>(ILiveQueueGrain.Key).LeaseNext(worker, request.Address!, LeaseTime);
        if (stream is null)
            return new LiveLeaseReply();
        return new LiveLeaseReply
        {
            Stream = new LiveLease
            {
                ProgrammeId = stream.ProgrammeId,
                StreamId = stream.StreamId,
                Kind = stream.Kind.ToString(),
                Passphrase = stream.Passphrase,
                Run = stream.Run,
                ContainerUrl = (await storage.CreateLive(stream.Container, context.CancellationToken)).ToString(),
                LeaseSeconds = options.Value.LeaseSeconds,
            },
        };
    }

    public override async Task<LiveReply> Report(LiveReport request, ServerCallContext context)
    {
        Authorize(context);
        var grain = StreamGrain(request.ProgrammeId);
        var health = new LiveHealth(request.Connected, Optional(request.VideoCodec, 30, "video_codec"), Positive(request.Width), Positive(request.Height),
            WorkerKey.Clamp(request.FrameRate > 0 ? request.FrameRate : null, 0, 1000), Optional(request.AudioCodec, 30, "audio_codec"),
            Positive(request.AudioChannels), Positive(request.AudioSampleRate), WorkerKey.Clamp(request.InputKbps > 0 ? request.InputKbps : null, 0, 1e6),
            Math.Max(0, request.DroppedFrames), WorkerKey.Clamp(request.Speed > 0 ? request.Speed : null, 0, 1000),
            request.LastSegmentUnixMs > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(request.LastSegmentUnixMs) : null, Math.Max(0, request.Segments), null);
        LiveProblem? problem = string.IsNullOrEmpty(request.ProblemCode) ? null
            : new LiveProblem(WorkerKey.Text(request.ProblemCode, 50, "problem_code"), WorkerKey.Text(request.ProblemMessage, 300, "problem_message"), clock.GetUtcNow());
        var control = await grain.Report(WorkerId(request.WorkerId), health, problem, request.Playable, clock.GetUtcNow() + LeaseTime);
        return await Reply(control, grain);
    }

    public override async Task<LiveReply> Append(LiveAppend request, ServerCallContext context)
    {
        Authorize(context);
        var grain = StreamGrain(request.ProgrammeId);
        if (!PlaylistName().IsMatch(request.Playlist ?? ""))
            throw WorkerKey.Invalid("playlist", "a playlist name such as 360p.m3u8");
        if (request.Offset < 0 || string.IsNullOrEmpty(request.Text) || request.Text.Length > MaxAppendChars)
            throw WorkerKey.Invalid("text", $"1–{MaxAppendChars} characters at a non-negative offset");
        var control = await grain.Append(WorkerId(request.WorkerId), request.Playlist!, request.Offset, request.Text);
        return new LiveReply { Control = control.ToString().ToLowerInvariant(), LeaseSeconds = options.Value.LeaseSeconds };
    }

    public override async Task<LiveFinishReply> Finish(LiveFinish request, ServerCallContext context)
    {
        Authorize(context);
        var grain = StreamGrain(request.ProgrammeId);
        if (request.Renditions.Count > 10)
            throw WorkerKey.Invalid("renditions", "at most 10 renditions");
        var stream = await grain.Get() ?? throw new RpcException(new Status(StatusCode.NotFound, $"No live stream for {request.ProgrammeId}."));
        var recording = new Recording(stream.ProgrammeId, stream.StreamId, stream.Kind, MediaPath(request.MasterPath, "master_path") ?? "",
            MediaPath(request.DownloadPath, "download_path"), null, null, WorkerKey.Clamp(request.DurationSeconds, 0, 1e6) ?? 0,
            [.. request.Renditions.Select(r => new Rendition(WorkerKey.Text(r.Name, 20, "renditions.name"), r.Width, r.Height, r.BitrateKbps))],
            clock.GetUtcNow(), Live: true,
            StartsAt: request.StartsAtUnixMs > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(request.StartsAtUnixMs) : null);
        var finished = await grain.Finish(WorkerId(request.WorkerId), recording);
        return finished.IsOk
            ? new LiveFinishReply { State = finished.Value!.State.ToString() }
            : throw new RpcException(new Status(finished.Error == ErrorKind.NotFound ? StatusCode.NotFound : StatusCode.FailedPrecondition, finished.Message ?? ""));
    }

    private async Task<LiveReply> Reply(LiveControl control, ILiveStreamGrain grain)
    {
        var reply = new LiveReply { Control = control.ToString().ToLowerInvariant(), LeaseSeconds = options.Value.LeaseSeconds };
        // The lease is renewed: so is the worker's SAS (short-lived, see Media:TransferSasLifetime).
        if (control != LiveControl.Stop && await grain.Get() is { } stream)
            reply.ContainerUrl = storage.LiveWriteUrl(stream.Container).ToString();
        return reply;
    }

    private void Authorize(ServerCallContext context) => WorkerKey.Authorize(context, options.Value);

    private ILiveStreamGrain StreamGrain(string programmeId) =>
        Apis.Identifiers.ProgrammeId().IsMatch(programmeId ?? "")
            ? grains.GetGrain<ILiveStreamGrain>(programmeId!)
            : throw WorkerKey.Invalid("programme_id", "not a programme id");

    private static string WorkerId(string id) => WorkerKey.Text(id, 100, "worker_id");

    private static string? Optional(string value, int max, string field) => string.IsNullOrEmpty(value) ? null : WorkerKey.Text(value, max, field);

    private static int? Positive(int value) => value > 0 ? value : null;

    private static string? MediaPath(string path, string field) =>
        string.IsNullOrEmpty(path) ? null
        : path.Length > 200 || path.Contains("..", StringComparison.Ordinal) || path.StartsWith('/') || path.Any(char.IsControl)
            ? throw WorkerKey.Invalid(field, "a relative path inside the stream's container")
            : path;

    [GeneratedRegex(@"^[A-Za-z0-9.\-]{1,253}:[0-9]{2,5}$")]
    private static partial Regex Address();

    [GeneratedRegex(@"^[a-z0-9]{1,20}\.m3u8$")]
    private static partial Regex PlaylistName();
}

using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Realtime.Contracts.Common;
using Realtime.Contracts.Media;
using Realtime.Contracts.Programmes;
using Realtime.LiveApi.Auth;
using Realtime.LiveApi.Media;

namespace Realtime.LiveApi.Apis;

/// <summary>Recordings: resumable upload straight into Blob storage, then a transcoding job (admins).</summary>
public static class MediaApi
{
    /// <param name="Replace">The admin confirmed that this recording replaces the programme's published replay.</param>
    public sealed record StartUploadRequest(string? FileName, long? SizeBytes, string? ContentType, bool? Replace = null);

    /// <summary>UploadUrl is null once the upload is complete: nothing may be written to the source after that.</summary>
    public sealed record UploadTicket(UploadSession Session, Uri? UploadUrl, int[] UploadedBlocks, string[] BlockIds);

    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api").WithTags("Media").RequireAuthorization(Policies.Admin);
        admin.MapPost("/programmes/{id}/recordings", StartUpload).WithSummary("开始上传录像：返回直传存储的 SAS 地址与分块编号");
        admin.MapGet("/recordings/{recordingId}", Resume).WithSummary("续传：已上传的分块与新的 SAS 地址");
        admin.MapPost("/recordings/{recordingId}/complete", Complete).WithSummary("上传完成：提交分块并创建转码任务");
        admin.MapGet("/media/jobs", (IGrainFactory g) => g.GetGrain<IMediaQueueGrain>(IMediaQueueGrain.Key).List()).WithSummary("转码任务列表");
        admin.MapPost("/media/jobs/{jobId}/cancel", (string jobId, IGrainFactory g) => JobCommand(jobId, g, j => j.Cancel())).WithSummary("取消转码");
        admin.MapPost("/media/jobs/{jobId}/requeue", (string jobId, IGrainFactory g) => JobCommand(jobId, g, j => j.Requeue())).WithSummary("失败的任务重新排队");
        return app;
    }

    private static async Task<Results<Created<UploadTicket>, ProblemHttpResult>> StartUpload(string id, StartUploadRequest request,
        IGrainFactory grains, MediaStorage storage, IOptions<MediaSettings> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(request.FileName) || request.FileName.Length > 200)
            return ResultMapping.BadField("fileName", "文件名必须是 1–200 个字符。");
        if (request.FileName.Any(char.IsControl) || BidiControls.Contains(request.FileName))
            return ResultMapping.BadField("fileName", "文件名含有控制字符或改变文字方向的字符。");
        var extension = Path.GetExtension(request.FileName).ToLowerInvariant();
        if (!settings.AllowedExtensions.Contains(extension))
            return ResultMapping.BadField("fileName", $"不支持的文件类型 {extension}：请上传 {string.Join("、", settings.AllowedExtensions)} 之一。");
        if (request.SizeBytes is not { } size || size <= 0)
            return ResultMapping.BadField("sizeBytes", "文件大小必须大于 0（不能上传空文件）。");
        if (size > settings.MaxUploadBytes)
            return ResultMapping.BadField("sizeBytes", $"文件过大：最多 {settings.MaxUploadBytes / (1L << 30)} GiB。");
        var programme = Identifiers.ProgrammeId().IsMatch(id) ? await grains.GetGrain<IProgrammeGrain>(id).Get() : null;
        if (programme is null)
            return ResultMapping.NotFound($"节目 {id} 不存在。");
        // A recording is the whole programme: it is attached once the programme has ended (live capture is its own path),
        // so chapters come from the finished desk and a finished job archives the programme.
        if (programme.State is not (ProgrammeState.Ended or ProgrammeState.Archived))
            return Result<UploadTicket>.WrongState(programme.State.ToString(),
                programme.State == ProgrammeState.Live ? "节目正在直播，结束后才能上传录像。" : "节目尚未播出，结束后才能上传录像。").ToProblem();
        var replace = request.Replace == true;
        if (!replace && await ExistingRecording(id, grains) is { } existing)
            return Result<UploadTicket>.WrongState(HasRecording, existing).ToProblem();

        var recordingId = "r-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var session = new UploadSession(recordingId, id, Path.GetFileName(request.FileName), size,
            string.IsNullOrWhiteSpace(request.ContentType) ? "application/octet-stream" : request.ContentType,
            $"{id}/{recordingId}/source{extension}", settings.BlockSizeBytes,
            programme.Kind == ProgrammeKind.Radio ? MediaKind.Radio : MediaKind.Video, clock.GetUtcNow(), null, Replace: replace);
        await grains.GetGrain<IUploadGrain>(recordingId).Start(session);
        return TypedResults.Created($"/api/recordings/{recordingId}", Ticket(session, storage, []));
    }

    private static async Task<Results<Ok<UploadTicket>, ProblemHttpResult>> Resume(string recordingId, IGrainFactory grains,
        MediaStorage storage, CancellationToken cancellationToken)
    {
        if (await Find(recordingId, grains) is not { } session)
            return ResultMapping.NotFound($"上传 {recordingId} 不存在。");
        return TypedResults.Ok(Ticket(session, storage, await storage.UploadedBlocks(session, cancellationToken)));
    }

    private static async Task<Results<Created<MediaJob>, ProblemHttpResult>> Complete(string recordingId, IGrainFactory grains,
        MediaStorage storage, IOptions<MediaSettings> options, CancellationToken cancellationToken)
    {
        if (await Find(recordingId, grains) is not { } session)
            return ResultMapping.NotFound($"上传 {recordingId} 不存在。");
        if (session.JobId is { } existing && await grains.GetGrain<IMediaJobGrain>(existing).Get() is { } job)
            return TypedResults.Created($"/api/media/jobs/{existing}", job);
        if (await storage.Commit(session, cancellationToken) is { } missing)
            return Result<MediaJob>.WrongState("Uploading", $"还有分块没有上传（从第 {missing + 1} 块起，共 {session.BlockCount} 块）：请继续上传。").ToProblem();
        var stored = await storage.SizeOf(session.BlobName, cancellationToken);
        if (stored != session.SizeBytes)
            return ResultMapping.BadField("sizeBytes", $"上传的大小（{stored} 字节）与声明的（{session.SizeBytes} 字节）不一致。");

        // The job reads a snapshot: whoever still holds the upload SAS cannot change what is transcoded.
        if (session.SealedSnapshot is null)
            await grains.GetGrain<IUploadGrain>(recordingId).Sealed(await storage.Seal(session.BlobName, cancellationToken));
        var jobId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var created = await grains.GetGrain<IMediaJobGrain>(jobId).Create(session.ProgrammeId, recordingId, session.Kind,
            session.BlobName, session.FileName, session.SizeBytes, options.Value.MaxAttempts, session.Replace);
        await grains.GetGrain<IUploadGrain>(recordingId).Completed(jobId);
        return created.IsOk ? TypedResults.Created($"/api/media/jobs/{jobId}", created.Value!) : created.ToProblem();
    }

    /// <summary>The problem's "state" when the programme already has a recording: the admin page then asks to replace it.</summary>
    public const string HasRecording = "HasRecording";

    /// <summary>Why a new recording would replace another (a published replay, or one on its way); null when none.</summary>
    private static async Task<string?> ExistingRecording(string programmeId, IGrainFactory grains)
    {
        if (await grains.GetGrain<IArchiveGrain>(IArchiveGrain.Key).Get(programmeId) is { Recording.Processing: false })
            return "这期节目已经发布了录像。如要用新的录像替换它，请确认替换（replace: true）；替换完成前，已发布的录像照常播放。";
        var jobs = await grains.GetGrain<IMediaQueueGrain>(IMediaQueueGrain.Key).List();
        return jobs.Any(j => j.ProgrammeId == programmeId && !j.IsFinished)
            ? "这期节目已有一段录像正在转码。如要用新的录像代替它，请确认替换（replace: true）。"
            : null;
    }

    private static async Task<Results<Ok<MediaJob>, ProblemHttpResult>> JobCommand(string jobId, IGrainFactory grains,
        Func<IMediaJobGrain, Task<Result<MediaJob>>> command)
    {
        if (jobId.Length is < 1 or > 40 || !jobId.All(char.IsAsciiHexDigitLower))
            return ResultMapping.NotFound($"转码任务 {jobId} 不存在。");
        return (await command(grains.GetGrain<IMediaJobGrain>(jobId))).ToHttp();
    }

    private static async Task<UploadSession?> Find(string recordingId, IGrainFactory grains) =>
        recordingId.StartsWith("r-", StringComparison.Ordinal) && recordingId.Length <= 40
            ? await grains.GetGrain<IUploadGrain>(recordingId).Get()
            : null;

    private static UploadTicket Ticket(UploadSession session, MediaStorage storage, IReadOnlyList<int> uploaded) =>
        new(session, session.JobId is null ? storage.UploadUrl(session.BlobName) : null, [.. uploaded],
            [.. Enumerable.Range(0, session.BlockCount).Select(UploadSession.BlockId)]);
}

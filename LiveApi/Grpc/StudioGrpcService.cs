using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Realtime.Contracts.Common;
using Realtime.Contracts.Questions;
using Realtime.LiveApi.Auth;
using Realtime.LiveApi.Desk;
using Realtime.LiveApi.Push;

namespace Realtime.LiveApi.Grpc;

/// <summary>The studio feed over gRPC: only translates to and from the desk gateway and the in-process feed.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class StudioGrpcService(DeskGateway gateway, StudioFeed feed) : StudioService.StudioServiceBase
{
    public override async Task WatchOnAir(WatchOnAirRequest request, IServerStreamWriter<OnAirUpdate> responseStream, ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        using var subscription = feed.Watch(request.ProgrammeId, out var changes);
        var snapshot = await gateway.AsModerator(user, request.ProgrammeId, desk => desk.GetViewerSnapshot(null));
        Throw(snapshot);
        var last = ToUpdate(request.ProgrammeId, snapshot.Value!.Version, snapshot.Value.Status);
        await responseStream.WriteAsync(last);
        await foreach (var (version, status) in changes.ReadAllAsync(context.CancellationToken))
        {
            if (version < last.Version)
                continue;
            var next = ToUpdate(request.ProgrammeId, version, status);
            if (Same(next, last))
                continue;
            await responseStream.WriteAsync(next);
            last = next;
        }
    }

    public override async Task<ModerateReply> Moderate(ModerateRequest request, ServerCallContext context)
    {
        var (command, missing) = new ModerationRequest(request.Type,
            request.HasQuestionId ? request.QuestionId : null, request.Reason, request.Text,
            request.HasIntoQuestionId ? request.IntoQuestionId : null, request.Note,
            request.HasAfterQuestionId ? request.AfterQuestionId : null,
            request.HasSeconds ? request.Seconds : null).ToCommand();
        if (command is null || command is EnterCall)
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"缺少或无效的字段：{missing ?? "type"}。"));
        var result = await gateway.Moderate(context.GetHttpContext().User, request.ProgrammeId, command);
        Throw(result);
        var s = result.Value!;
        return new ModerateReply
        {
            ProgrammeState = s.ProgrammeState.ToString(),
            OnAirId = s.OnAir?.Id ?? 0,
            NextId = s.Next?.Id ?? 0,
            Pending = s.Counts.Pending,
            Approved = s.Counts.Approved,
            Paused = s.Paused,
        };
    }

    private static void Throw<T>(Result<T> result)
    {
        if (result.IsOk)
            return;
        var code = result.Error switch
        {
            ErrorKind.NotFound => StatusCode.NotFound,
            ErrorKind.InvalidState => StatusCode.FailedPrecondition,
            ErrorKind.Invalid => StatusCode.InvalidArgument,
            ErrorKind.Forbidden => StatusCode.PermissionDenied,
            ErrorKind.RateLimited => StatusCode.ResourceExhausted,
            ErrorKind.Unavailable => StatusCode.Unavailable,
            _ => StatusCode.Internal,
        };
        var detail = result.Field is not null ? $"{result.Message} (field: {result.Field})" : result.Message;
        throw new RpcException(new Status(code, detail ?? ""));
    }

    private static OnAirUpdate ToUpdate(string programmeId, long version, DeskStatus status)
    {
        var update = new OnAirUpdate
        {
            ProgrammeId = programmeId,
            Version = version,
            Paused = status.Paused,
            ProgrammeState = status.ProgrammeState.ToString(),
            Viewers = status.Viewers,
        };
        if (status.OnAir is { } onAir)
            update.OnAir = ToStudio(onAir);
        if (status.Next is { } next)
            update.Next = ToStudio(next);
        return update;
    }

    private static StudioQuestion ToStudio(PublicQuestion q) => new()
    {
        Id = q.Id,
        Text = q.Text,
        AskerName = q.AskerName ?? "",
        Community = q.CommunityName ?? "",
        Department = DeskCatalogue.FindDepartment(q.Department)?.Name ?? "",
        Topic = q.Topic ?? "",
        Votes = q.Votes,
        Source = q.Source.ToString(),
        OnAirSinceUnixMs = q.OnAirAt?.ToUnixTimeMilliseconds() ?? 0,
    };

    private static bool Same(OnAirUpdate a, OnAirUpdate b) =>
        Equals(a.OnAir, b.OnAir) && Equals(a.Next, b.Next) && a.Paused == b.Paused && a.ProgrammeState == b.ProgrammeState;
}

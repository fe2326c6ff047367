using System.Diagnostics;
using System.Security.Claims;
using Realtime.Contracts.Common;
using Realtime.Contracts.Questions;
using Realtime.LiveApi.Apis;
using Realtime.LiveApi.Auth;
using Realtime.LiveApi.Security;
using Realtime.LiveApi.Telemetry;

namespace Realtime.LiveApi.Desk;

/// <summary>
/// The one path from every edge (hub, REST, gRPC) to a desk grain: checks the programme id and the caller's rights,
/// then calls the grain. Edges only translate in and out.
/// </summary>
public sealed class DeskGateway(IGrainFactory grains, ClientLimits limits, LiveApiMetrics metrics)
{
    public static bool IsProgrammeId(string? id) => id is not null && Identifiers.ProgrammeId().IsMatch(id);

    public IQuestionDeskGrain Desk(string programmeId) => grains.GetGrain<IQuestionDeskGrain>(programmeId);

    /// <summary>
    /// A citizen's action (submit, vote, withdraw, rate): needs a viewer token and, for limited actions, a permit of
    /// the caller's address (<paramref name="subject"/> narrows a vote's budget to one question).
    /// </summary>
    public async Task<Result<T>> AsViewer<T>(Caller caller, string programmeId, ClientAction? action,
        Func<IQuestionDeskGrain, Actor, Task<Result<T>>> call, string? subject = null)
    {
        var user = caller.User;
        if (!IsProgrammeId(programmeId))
            return UnknownProgramme<T>(programmeId);
        if (DeskActors.From(user) is not { } actor)
            return new Result<T>(default, ErrorKind.Unauthorized, "请先获取观众身份（/api/auth/viewer）或登录；您的令牌无效或已过期。");
        // Staff and department accounts act for the programme, not as citizens: they cannot ask, vote or rate.
        if (!user.IsInRole(Roles.Viewer))
            return Result<T>.Forbidden("提问、“我也想问”和评价需要观众身份；工作人员和部门账号不能以观众身份操作。");
        if (action is { } limited && limits.TryAcquire(limited, caller.Address, subject is null ? null : programmeId + "|" + subject) is { } wait)
            return Result<T>.RateLimited(ClientLimits.RefusalMessage(wait), wait);
        return await Measured(action?.ToString().ToLowerInvariant() ?? "withdraw", () => call(Desk(programmeId), actor));
    }

    public async Task<Result<DeskStatus>> Moderate(ClaimsPrincipal user, string programmeId, ModerationCommand command)
    {
        if (!IsProgrammeId(programmeId))
            return UnknownProgramme<DeskStatus>(programmeId);
        if (!DeskActors.MayModerate(user, programmeId))
            return Result<DeskStatus>.Forbidden($"您没有管理节目 {programmeId} 的权限。");
        return await Measured(command.Action, () => Desk(programmeId).Moderate(DeskActors.From(user)!, command));
    }

    public async Task<Result<T>> AsModerator<T>(ClaimsPrincipal user, string programmeId, Func<IQuestionDeskGrain, Task<Result<T>>> call)
    {
        if (!IsProgrammeId(programmeId))
            return UnknownProgramme<T>(programmeId);
        if (!DeskActors.MayModerate(user, programmeId))
            return Result<T>.Forbidden($"您没有管理节目 {programmeId} 的权限。");
        return await Guarded(() => call(Desk(programmeId)));
    }

    /// <summary>A desk command, counted with its outcome and the time until the desk acknowledged it durably.</summary>
    private async Task<Result<T>> Measured<T>(string action, Func<Task<Result<T>>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await Guarded(call);
        metrics.DeskAnswered(action, result.Error, Stopwatch.GetElapsedTime(started));
        return result;
    }

    /// <summary>A grain call that cannot reach the cluster (a silo just died, the cluster is restarting) is a clear
    /// "try again" for the caller, not a server error: nothing was accepted.</summary>
    public static async Task<Result<T>> Guarded<T>(Func<Task<Result<T>>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException or OperationCanceledException)
        {
            return Result<T>.Unavailable("服务集群暂时不可用，您的操作没有被接受，请稍后重试。");
        }
    }

    public static Result<T> UnknownProgramme<T>(string? programmeId) => Result<T>.NotFound($"节目 {programmeId} 不存在。");
}

/// <summary>Who calls (their token) and from where (the client address, after trusted proxies).</summary>
public readonly record struct Caller(ClaimsPrincipal User, System.Net.IPAddress? Address)
{
    public static Caller Of(HttpContext http) => new(http.User, http.Connection.RemoteIpAddress);
}

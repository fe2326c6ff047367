using Microsoft.AspNetCore.Http.HttpResults;
using Realtime.LiveApi.Auth;
using Realtime.LiveApi.Security;

namespace Realtime.LiveApi.Apis;

public static class AuthApi
{
    public sealed record LoginRequest(string? Name, string? Password);

    public sealed record LoginResponse(string AccessToken, DateTimeOffset ExpiresAt, string Name, string[] Roles, string[] Programmes,
        string? Department);

    public sealed record ViewerTokenResponse(string AccessToken, DateTimeOffset ExpiresAt, string ViewerId);

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags("Auth");
        api.MapPost("/login", Login).WithSummary("工作人员登录，返回访问令牌");
        api.MapPost("/viewer", Viewer).WithSummary("为匿名观众签发稳定的观众令牌");
        return app;
    }

    private static Results<Ok<LoginResponse>, ProblemHttpResult> Login(LoginRequest request, HttpContext http,
        StaffDirectory staff, TokenIssuer tokens, LoginThrottle throttle, ILogger<LoginRequest> log)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
            return ResultMapping.BadField("name", "请输入用户名。");
        if (string.IsNullOrEmpty(request.Password))
            return ResultMapping.BadField("password", "请输入密码。");
        var client = http.Connection.RemoteIpAddress;
        var name = request.Name.Length > 64 ? request.Name[..64] : request.Name; // bounded in logs and limiter keys
        if (throttle.Locked(name, client) is { } locked)
        {
            LiveApiLog.LoginLocked(log, name, ClientLimits.ClientKey(client), (int)locked.TotalSeconds);
            return TooMany(http, LoginThrottle.RefusalMessage(locked), locked);
        }
        var user = staff.Verify(request.Name, request.Password);
        if (user is null)
        {
            throttle.Failed(name, client);
            LiveApiLog.LoginFailed(log, name, ClientLimits.ClientKey(client)); // never the password
            return TypedResults.Problem("用户名或密码错误。", statusCode: StatusCodes.Status401Unauthorized, title: "登录失败");
        }
        var token = tokens.ForStaff(user);
        return TypedResults.Ok(new LoginResponse(token.AccessToken, token.ExpiresAt, user.DisplayName ?? user.Name,
            [.. user.Roles], [.. user.Programmes], user.Department));
    }

    /// <summary>A new anonymous identity; bounded per client address, so one address cannot become a crowd.</summary>
    private static Results<Ok<ViewerTokenResponse>, ProblemHttpResult> Viewer(HttpContext http, TokenIssuer tokens, ClientLimits limits)
    {
        if (limits.TryAcquire(ClientAction.ViewerToken, http.Connection.RemoteIpAddress) is { } wait)
            return TooMany(http, ClientLimits.RefusalMessage(wait), wait);
        var viewerId = Guid.NewGuid().ToString("N");
        var token = tokens.ForViewer(viewerId);
        return TypedResults.Ok(new ViewerTokenResponse(token.AccessToken, token.ExpiresAt, viewerId));
    }

    private static ProblemHttpResult TooMany(HttpContext http, string message, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(message, statusCode: StatusCodes.Status429TooManyRequests, title: "操作过于频繁",
            extensions: new Dictionary<string, object?> { [ResultMapping.RetryAfterExtension] = seconds });
    }
}

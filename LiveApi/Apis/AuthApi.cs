using Microsoft.AspNetCore.Http.HttpResults;
using Realtime.LiveApi.Auth;

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

    private static Results<Ok<LoginResponse>, ProblemHttpResult> Login(
        LoginRequest request, StaffDirectory staff, TokenIssuer tokens)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
            return ResultMapping.BadField("name", "请输入用户名。");
        if (string.IsNullOrEmpty(request.Password))
            return ResultMapping.BadField("password", "请输入密码。");
        var user = staff.Verify(request.Name, request.Password);
        if (user is null)
            return TypedResults.Problem("用户名或密码错误。", statusCode: StatusCodes.Status401Unauthorized, title: "登录失败");
        var token = tokens.ForStaff(user);
        return TypedResults.Ok(new LoginResponse(token.AccessToken, token.ExpiresAt, user.DisplayName ?? user.Name,
            [.. user.Roles], [.. user.Programmes], user.Department));
    }

    private static Ok<ViewerTokenResponse> Viewer(TokenIssuer tokens)
    {
        var viewerId = Guid.NewGuid().ToString("N");
        var token = tokens.ForViewer(viewerId);
        return TypedResults.Ok(new ViewerTokenResponse(token.AccessToken, token.ExpiresAt, viewerId));
    }
}

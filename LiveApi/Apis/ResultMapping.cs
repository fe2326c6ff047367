using Microsoft.AspNetCore.Http.HttpResults;
using Realtime.Contracts.Common;

namespace Realtime.LiveApi.Apis;

/// <summary>Turns a grain's refusal into ProblemDetails with the right status, naming the field or the state.</summary>
public static class ResultMapping
{
    public const string RetryAfterExtension = "retryAfter";

    public static Results<Ok<T>, ProblemHttpResult> ToHttp<T>(this Result<T> result) =>
        result.IsOk ? TypedResults.Ok(result.Value!) : result.ToProblem();

    public static ProblemHttpResult ToProblem<T>(this Result<T> result)
    {
        var extensions = new Dictionary<string, object?>();
        if (result.Field is not null)
            extensions["field"] = result.Field;
        if (result.State is not null)
            extensions["state"] = result.State;
        if (result.RetryAfterSeconds is { } retryAfter)
            extensions[RetryAfterExtension] = retryAfter; // RetryAfterHeader turns it into the Retry-After header
        var (status, title) = result.Error switch
        {
            ErrorKind.NotFound => (StatusCodes.Status404NotFound, "未找到"),
            ErrorKind.InvalidState => (StatusCodes.Status409Conflict, "当前状态不允许此操作"),
            ErrorKind.Invalid => (StatusCodes.Status400BadRequest, "输入有误"),
            ErrorKind.Forbidden => (StatusCodes.Status403Forbidden, "无权操作"),
            ErrorKind.RateLimited => (StatusCodes.Status429TooManyRequests, "操作过于频繁"),
            ErrorKind.Unavailable => (StatusCodes.Status503ServiceUnavailable, "服务暂时不可用"),
            ErrorKind.Unauthorized => (StatusCodes.Status401Unauthorized, "需要身份"),
            _ => (StatusCodes.Status500InternalServerError, "服务器错误"),
        };
        return TypedResults.Problem(result.Message, statusCode: status, title: title, extensions: extensions);
    }

    public static ProblemHttpResult NotFound(string message) =>
        TypedResults.Problem(message, statusCode: StatusCodes.Status404NotFound, title: "未找到");

    public static ProblemHttpResult BadField(string field, string message) =>
        TypedResults.Problem(message, statusCode: StatusCodes.Status400BadRequest, title: "输入有误",
            extensions: new Dictionary<string, object?> { ["field"] = field });
}

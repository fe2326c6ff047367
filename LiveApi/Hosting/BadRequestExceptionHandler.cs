using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Realtime.LiveApi.Hosting;

/// <summary>Malformed JSON and wrong types become a 400 ProblemDetails naming the field, instead of a bare 400.</summary>
public sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    /// <summary>A query or route value of the wrong type: ASP.NET Core says which parameter in its message.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^Failed to bind parameter \"(?:\\S+ )?(\\w+)\" from")]
    private static partial System.Text.RegularExpressions.Regex QueryParameter();

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
            return false;
        var json = bad.InnerException as JsonException;
        var field = json?.Path is { Length: > 2 } path ? path.TrimStart('$', '.')
            : QueryParameter().Match(bad.Message) is { Success: true } query ? query.Groups[1].Value : null;
        context.Response.StatusCode = bad.StatusCode;
        var details = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = bad.StatusCode,
            Title = "请求格式有误",
            Detail = field is not null
                ? $"字段 {field} 的值无法识别。"
                : json is not null ? "请求正文不是有效的 JSON。" : bad.Message,
        };
        if (field is not null)
            details.Extensions["field"] = field;
        return await problems.TryWriteAsync(new() { HttpContext = context, ProblemDetails = details, Exception = exception });
    }
}

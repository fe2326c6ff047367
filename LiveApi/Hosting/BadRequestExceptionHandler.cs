using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Realtime.LiveApi.Hosting;

/// <summary>Malformed JSON and wrong types become a 400 ProblemDetails naming the field, instead of a bare 400.</summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
            return false;
        var json = bad.InnerException as JsonException;
        var field = json?.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : null;
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

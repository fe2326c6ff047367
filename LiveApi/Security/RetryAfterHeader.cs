using Microsoft.AspNetCore.Http.HttpResults;
using Realtime.LiveApi.Apis;

namespace Realtime.LiveApi.Security;

/// <summary>Adds the Retry-After header to a 429 answer whose ProblemDetails says when to try again.</summary>
public sealed class RetryAfterHeader : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var problem = (result as INestedHttpResult)?.Result as ProblemHttpResult ?? result as ProblemHttpResult;
        if (problem?.StatusCode == StatusCodes.Status429TooManyRequests
            && problem.ProblemDetails.Extensions.TryGetValue(ResultMapping.RetryAfterExtension, out var seconds) && seconds is int wait)
            context.HttpContext.Response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return result;
    }
}

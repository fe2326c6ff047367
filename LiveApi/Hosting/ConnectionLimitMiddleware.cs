using Microsoft.Extensions.Options;
using Realtime.LiveApi.Telemetry;

namespace Realtime.LiveApi.Hosting;

/// <summary>
/// Refuses a live connection (WebSocket or server-sent events on /hubs) with 503 and Retry-After once the host holds
/// <see cref="LiveApiSettings.MaxLiveConnections"/>, so a crowd past capacity is turned away cleanly while everyone
/// already connected keeps receiving. A bare server would run out of file descriptors or memory instead.
/// </summary>
public sealed class ConnectionLimitMiddleware(RequestDelegate next, IOptions<LiveApiSettings> settings, LiveApiMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsLiveConnection(context))
        {
            await next(context);
            return;
        }
        if (metrics.ConnectionOpened() > settings.Value.MaxLiveConnections)
        {
            metrics.ConnectionClosed();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "10";
            await context.Response.WriteAsync("直播连接已满，请稍后重试。 / Live connections are full, retry later.");
            return;
        }
        try
        {
            await next(context);
        }
        finally
        {
            metrics.ConnectionClosed();
        }
    }

    private static bool IsLiveConnection(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/hubs")
        // Decided from the headers: SignalR adds the WebSocket middleware inside its own endpoint, after this one.
        && (context.Request.Headers.Upgrade.ToString().Contains("websocket", StringComparison.OrdinalIgnoreCase)
            || context.Request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.Ordinal));
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Realtime.ServiceDefaults;

public static class HealthEndpoints
{
    /// <summary>Health checks tagged "ready" answer at /health/ready; /health/live only says the process runs.</summary>
    public const string ReadyTag = "ready";

    /// <summary>/health/live, /health/ready and the Prometheus scrape endpoint /metrics.</summary>
    public static IEndpointRouteBuilder MapRealtimeDefaults(this IEndpointRouteBuilder app, string? metricsHost = null)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains(ReadyTag) });
        if (!Telemetry.Enabled(app.ServiceProvider.GetRequiredService<IConfiguration>()))
            return app;
        var metrics = app.MapPrometheusScrapingEndpoint("/metrics");
        if (metricsHost is not null)
            metrics.RequireHost(metricsHost);
        return app;
    }
}

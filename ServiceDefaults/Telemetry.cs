using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Realtime.ServiceDefaults;

/// <summary>
/// Metrics, traces and logs of every process, set up once. Metrics: the product's own meters ("Realtime.*"), Orleans,
/// ASP.NET Core, Kestrel, SignalR connections and the .NET runtime, scraped by Prometheus at /metrics. Traces: incoming
/// HTTP and hub calls, Orleans grain calls (activity propagation), Azure Storage calls, outgoing HTTP / gRPC and the
/// product's own spans (ffmpeg runs). Every signal also goes out over OTLP when the standard
/// OTEL_EXPORTER_OTLP_ENDPOINT is set (OTEL_EXPORTER_OTLP_PROTOCOL and the other standard variables apply).
/// </summary>
public static class Telemetry
{
    /// <summary>Prefix of the product's meters and activity sources (Realtime.Desk, Realtime.Push, …).</summary>
    public const string Prefix = "Realtime";

    /// <summary>"Telemetry:Enabled" (default true): false leaves OpenTelemetry out entirely (benchmarks measure its cost).</summary>
    public static bool Enabled(IConfiguration configuration) => configuration.GetValue("Telemetry:Enabled", true);

    public static IHostApplicationBuilder AddRealtimeTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (!Enabled(builder.Configuration))
            return builder;
        // The Azure SDK emits storage spans only when asked to.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        builder.Logging.AddOpenTelemetry(o =>
        {
            o.IncludeScopes = true;
            o.IncludeFormattedMessage = true;
            if (otlp)
                o.AddOtlpExporter();
        });

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceInstanceId: Environment.MachineName + "-" + Environment.ProcessId))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Prefix + ".*", "Microsoft.Orleans", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel",
                        "Microsoft.AspNetCore.Http.Connections", "Microsoft.AspNetCore.Routing", "System.Net.Http")
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter();
                if (otlp)
                    metrics.AddOtlpExporter();
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(Prefix + ".*", "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "Azure.*",
                        "Microsoft.AspNetCore.SignalR.Server")
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health")
                        && !http.Request.Path.StartsWithSegments("/metrics"))
                    .AddHttpClientInstrumentation();
                if (otlp)
                    tracing.AddOtlpExporter();
            });
        return builder;
    }
}

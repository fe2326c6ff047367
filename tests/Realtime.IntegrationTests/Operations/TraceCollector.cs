using System.Collections.Concurrent;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Realtime.IntegrationTests.Operations.Otlp;
using Realtime.Testing;

namespace Realtime.IntegrationTests.Operations;

/// <summary>One span as the collector received it, with the service that sent it.</summary>
public sealed record ReceivedSpan(string Service, string Scope, string TraceId, string SpanId, string ParentSpanId, string Name);

/// <summary>
/// A stand-in for an OpenTelemetry collector (named as such: the real one does not run here): a real Kestrel gRPC
/// server speaking OTLP's trace service, which the processes under test export to through their real OTLP exporter
/// (OTEL_EXPORTER_OTLP_ENDPOINT). It keeps every span it receives.
/// </summary>
public sealed class TraceCollector : IAsyncDisposable
{
    private WebApplication? _app;

    private TraceCollector(int port) => Endpoint = $"http://127.0.0.1:{port}";

    public string Endpoint { get; }

    public ConcurrentQueue<ReceivedSpan> Spans { get; } = new();

    public static async Task<TraceCollector> StartAsync()
    {
        var port = FreePorts.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenLocalhost(port, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        var collector = new TraceCollector(port);
        builder.Services.AddSingleton(collector);
        var app = builder.Build();
        app.MapGrpcService<Receiver>();
        await app.StartAsync();
        collector._app = app;
        return collector;
    }

    public ValueTask DisposeAsync() => _app?.DisposeAsync() ?? ValueTask.CompletedTask;

    private sealed class Receiver(TraceCollector collector) : TraceService.TraceServiceBase
    {
        public override Task<ExportTraceServiceResponse> Export(ExportTraceServiceRequest request, ServerCallContext context)
        {
            foreach (var resource in request.ResourceSpans)
            {
                var service = resource.Resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value?.StringValue ?? "";
                foreach (var scope in resource.ScopeSpans)
                {
                    foreach (var span in scope.Spans)
                    {
                        collector.Spans.Enqueue(new ReceivedSpan(service, scope.Scope?.Name ?? "", Convert.ToHexStringLower(span.TraceId.Span),
                            Convert.ToHexStringLower(span.SpanId.Span), Convert.ToHexStringLower(span.ParentSpanId.Span), span.Name));
                    }
                }
            }
            return Task.FromResult(new ExportTraceServiceResponse());
        }
    }
}

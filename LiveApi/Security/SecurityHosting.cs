using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Realtime.LiveApi.Auth;
using Realtime.LiveApi.Hosting;
using Realtime.LiveApi.Media;

namespace Realtime.LiveApi.Security;

/// <summary>Limits per client, trusted proxies, request size, security headers and the secrets Production refuses.</summary>
public static class SecurityHosting
{
    /// <summary>JSON bodies are small; recordings go straight to blob storage, never through LiveApi.</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;

    public static WebApplicationBuilder AddRealtimeSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ClientLimitSettings>().BindConfiguration(ClientLimitSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SecuritySettings>().BindConfiguration(SecuritySettings.Section);
        services.AddSingleton<ClientLimits>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<ProductionSecrets>();
        services.AddSingleton<IValidateOptions<AuthSettings>>(sp => sp.GetRequiredService<ProductionSecrets>());
        services.AddSingleton<IValidateOptions<MediaSettings>>(sp => sp.GetRequiredService<ProductionSecrets>());

        var proxies = builder.Configuration.GetSection(ClientLimitSettings.Section).Get<ClientLimitSettings>()?.TrustedProxies ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Only configured proxies are believed. ASP.NET Core trusts loopback by default, and with both lists empty it
            // trusts everyone: so with no proxy configured, forwarded headers are not read at all.
            o.ForwardedHeaders = proxies.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // the obsolete list still holds the loopback default and is still consulted
            o.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            o.ForwardLimit = null;
            foreach (var proxy in proxies)
            {
                if (proxy.Contains('/', StringComparison.Ordinal))
                    o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
                else
                    o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        return builder;
    }

    /// <summary>First in the pipeline: the client's address from trusted proxies, then headers on every answer.</summary>
    public static WebApplication UseRealtimeSecurity(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value.ForwardedHeaders != ForwardedHeaders.None)
            app.UseForwardedHeaders();
        var settings = app.Services.GetRequiredService<IOptions<SecuritySettings>>().Value;
        var mediaOrigins = settings.MediaOrigins.Prepend(app.Services.GetRequiredService<MediaStorage>().Origin).ToArray();
        app.UseSecurityHeaders(SecurityHeaders.Pages(mediaOrigins, settings.FrameAncestors));
        var grpcPort = app.Services.GetRequiredService<IOptions<LiveApiSettings>>().Value.GrpcPort;
        app.Use(NotGrpcOnGrpcPort(grpcPort));
        return app;
    }

    public static bool DeveloperSurfaces(this WebApplication app) =>
        app.Services.GetRequiredService<IOptions<SecuritySettings>>().Value.DeveloperSurfaces ?? app.Environment.IsDevelopment();

    /// <summary>The h2c port serves gRPC only: pages, REST and hubs answer 404 there.</summary>
    private static Func<HttpContext, RequestDelegate, Task> NotGrpcOnGrpcPort(int grpcPort) => (http, next) =>
    {
        if (http.Connection.LocalPort == grpcPort && http.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        return next(http);
    };
}

using System.Net;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Orleans.Configuration;
using Realtime.LiveApi.Apis;
using Realtime.LiveApi.Auth;
using Realtime.LiveApi.Hubs;
using Realtime.LiveApi.Push;
using Realtime.LiveApi.Desk;
using Realtime.LiveApi.Grpc;
using Realtime.LiveApi.Media;
using Realtime.LiveApi.Security;
using Realtime.ServiceDefaults;
using Realtime.LiveApi.Telemetry;
using Microsoft.AspNetCore.SignalR;

namespace Realtime.LiveApi.Hosting;

public static class LiveApiHosting
{
    public static WebApplicationBuilder AddLiveApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var web = builder.AddSettings<LiveApiSettings>(LiveApiSettings.Section);
        var cluster = builder.AddSettings<ClusterSettings>(ClusterSettings.Section);
        var storage = builder.AddSettings<StorageSettings>(StorageSettings.Section);
        builder.AddRealtimeTelemetry("liveapi");

        builder.WebHost.ConfigureKestrel(k =>
        {
            var address = IPAddress.Parse(web.ListenAddress);
            k.Listen(address, web.HttpPort, o => o.Protocols = HttpProtocols.Http1);
            k.Listen(address, web.GrpcPort, o => o.Protocols = HttpProtocols.Http2);
            k.Listen(address, web.MetricsPort, o => o.Protocols = HttpProtocols.Http1);
            // A hard backstop above the polite limit of ConnectionLimitMiddleware.
            k.Limits.MaxConcurrentUpgradedConnections = web.MaxLiveConnections + 100;
        });

        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            client.UseAzureStorageClustering(o => o.TableServiceClient = new TableServiceClient(storage.ConnectionString));
            client.UseConnectionRetryFilter<ClusterConnectionRetry>();
            client.AddActivityPropagation();
            // Find restarted or new silos quickly (the Orleans default is one minute).
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
            // A call to a silo that just died fails after 10 s rather than Orleans' default 30 s: viewers get a clear
            // "try again" while the cluster recovers (Orleans:Messaging:ResponseTimeout to change it).
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
        });
        services.Configure<GatewayOptions>(builder.Configuration.GetSection("Orleans:Gateway"));
        services.Configure<ClientMessagingOptions>(builder.Configuration.GetSection("Orleans:Messaging"));

        services.AddSingleton(TimeProvider.System);
        services.AddRealtimeAuth(builder.Configuration);
        builder.AddRealtimeSecurity();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            // Kestrel refuses a body past the limit before any endpoint runs: say so in the users' language.
            if (c.ProblemDetails.Status == StatusCodes.Status413PayloadTooLarge)
            {
                c.ProblemDetails.Title = "请求过大";
                c.ProblemDetails.Detail = $"请求正文过大：最多 {SecurityHosting.MaxRequestBodyBytes / 1024} KiB。";
            }
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi();
        services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddGrpc();
        services.AddGrpcReflection();
        services.AddGrpcHealthChecks().AddCheck<ClusterReadyCheck>("cluster", tags: [HealthEndpoints.ReadyTag]);

        services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();
        services.AddSingleton<DeskGateway>();
        services.AddSingleton<LiveApiMetrics>();
        services.AddHostedService<MediaQueueGauge>();
        services.AddHostedService<FollowUpGauge>();
        services.AddSingleton<ViewerCounter>();
        services.AddSingleton<StudioFeed>();
        services.AddSingleton<HostIdentity>();
        services.AddHostedService<ViewerReporter>();
        services.AddOptions<MediaSettings>().BindConfiguration(MediaSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MediaStorage>();
        services.AddSingleton<LivePlaylists>();
        services.AddHostedService<MediaPreparation>();
        services.AddSingleton<LiveEventDispatcher>();
        services.AddSingleton<HostRegistrationService>();
        services.AddHostedService(sp => sp.GetRequiredService<HostRegistrationService>());
        return builder;
    }

    public static WebApplication MapLiveApi(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<LiveApiSettings>>().Value;
        var grpcPort = settings.GrpcPort;
        app.UseRealtimeSecurity();
        app.UseExceptionHandler();
        app.UseMiddleware<ConnectionLimitMiddleware>();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapGet("/favicon.ico", () => TypedResults.NoContent()).ExcludeFromDescription();
        app.MapRealtimeDefaults(metricsHost: $"*:{settings.MetricsPort}");
        if (app.DeveloperSurfaces())
        {
            app.MapOpenApi();
            app.UseSwaggerUI(o =>
            {
                o.RoutePrefix = "api-docs";
                o.SwaggerEndpoint("/openapi/v1.json", "Shenyang Realtime API");
                o.DocumentTitle = "沈阳政务公开直播 API";
            });
        }

        app.MapAuthApi();
        app.MapDistrictsApi();
        app.MapProgrammesApi();
        app.MapDeskApi();
        app.MapFollowUpsApi();
        app.MapReportsApi();
        app.MapMediaApi();
        app.MapArchiveApi();
        app.MapLiveStreamsApi();
        app.MapHub<LiveHub>("/hubs/live");
        app.MapHub<DeskHub>("/hubs/desk");
        app.MapGrpcService<StudioGrpcService>().RequireHost($"*:{grpcPort}");
        app.MapGrpcService<MediaJobsGrpcService>().RequireHost($"*:{grpcPort}");
        app.MapGrpcService<LiveStreamsGrpcService>().RequireHost($"*:{grpcPort}");

        app.MapGrpcHealthChecksService().RequireHost($"*:{grpcPort}");
        if (app.DeveloperSurfaces())
            app.MapGrpcReflectionService().RequireHost($"*:{grpcPort}");
        return app;
    }
}

using System.Net;
using Realtime.MediaWorker.Jobs;
using Realtime.MediaWorker.Live;
using Realtime.MediaWorker.Tools;
using Realtime.MediaWorker.Transcoding;
using Realtime.ServiceDefaults;

namespace Realtime.MediaWorker;

public static class WorkerHosting
{
    public static WebApplicationBuilder AddMediaWorker(this WebApplicationBuilder builder)
    {
        var settings = builder.AddSettings<WorkerSettings>(WorkerSettings.Section);
        builder.AddRealtimeTelemetry("mediaworker");
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Parse(settings.ListenAddress), settings.HealthPort));
        builder.Services.AddTranscoding();
        builder.AddSettings<JobSettings>(JobSettings.Section);
        builder.AddSettings<LiveSettings>(LiveSettings.Section);
        builder.Services.AddHostedService<JobWorker>();
        builder.Services.AddSingleton<ToolCheckService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ToolCheckService>());
        builder.Services.AddHealthChecks().AddCheck<ReadyCheck>("tools", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }

    public static WebApplication MapMediaWorker(this WebApplication app)
    {
        app.MapRealtimeDefaults();
        return app;
    }
}

using System.Net;
using Realtime.MediaWorker.Jobs;
using Realtime.MediaWorker.Tools;
using Realtime.MediaWorker.Transcoding;

namespace Realtime.MediaWorker;

public static class WorkerHosting
{
    public static WebApplicationBuilder AddMediaWorker(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WorkerSettings>().BindConfiguration(WorkerSettings.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        var settings = builder.Configuration.GetSection(WorkerSettings.Section).Get<WorkerSettings>() ?? new();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Parse(settings.ListenAddress), settings.HealthPort));
        builder.Services.AddTranscoding();
        builder.Services.AddOptions<JobSettings>().BindConfiguration(JobSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<JobWorker>();
        builder.Services.AddSingleton<ToolCheckService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ToolCheckService>());
        builder.Services.AddHealthChecks().AddCheck<ReadyCheck>("tools", tags: ["ready"]);
        return builder;
    }

    public static WebApplication MapMediaWorker(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") });
        return app;
    }
}

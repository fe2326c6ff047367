using System.Net;
using Azure.Data.Tables;
using Orleans.Configuration;
using Orleans.Dashboard;
using Realtime.Grains;
using Realtime.Grains.Indexes;
using Realtime.Grains.Questions;
using Realtime.Grains.Seed;
using Realtime.ServiceDefaults;

namespace Realtime.Silo;

public static class SiloHosting
{
    /// <summary>Orleans on Azure Table storage (clustering, grain state, reminders), dashboard, seeding.</summary>
    public static WebApplicationBuilder AddRealtimeSilo(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var silo = builder.AddSettings<SiloOptions>(SiloOptions.Section);
        var cluster = builder.AddSettings<ClusterSettings>(ClusterSettings.Section);
        var storage = builder.AddSettings<StorageSettings>(StorageSettings.Section);
        builder.AddRealtimeTelemetry("silo");
        builder.Services.AddOptions<SeedSettings>().BindConfiguration(SeedSettings.Section);

        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Parse(silo.ListenAddress), silo.DashboardPort));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DemoSeeder>();
        builder.Services.AddOptions<DeskRules>().BindConfiguration(DeskRules.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(_ => new DeskStore(new TableServiceClient(storage.ConnectionString)));
        builder.Services.AddSingleton(_ => new IndexTables(new TableServiceClient(storage.ConnectionString)));

        builder.UseOrleans(orleans =>
        {
            orleans.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            orleans.ConfigureEndpoints(IPAddress.Parse(silo.AdvertisedAddress), silo.SiloPort, silo.GatewayPort,
                listenOnAnyHostAddress: false);
            orleans.UseAzureStorageClustering(o => o.TableServiceClient = new TableServiceClient(storage.ConnectionString));
            orleans.AddAzureTableGrainStorage(StorageNames.Default,
                o => o.TableServiceClient = new TableServiceClient(storage.ConnectionString));
            orleans.UseAzureTableReminderService(o => o.TableServiceClient = new TableServiceClient(storage.ConnectionString));
            // Grain calls carry the caller's trace, so a hub call and the grain calls it makes are one trace.
            orleans.AddActivityPropagation();
            if (silo.Dashboard)
                orleans.AddDashboard();
            if (silo.Kubernetes)
                orleans.UseKubernetesHosting();
        });
        // Failure detection can be tuned without code (e.g. Orleans:Membership:ProbeTimeout).
        builder.Services.Configure<ClusterMembershipOptions>(config.GetSection("Orleans:Membership"));

        // Registered after UseOrleans, so it starts once the silo is up; the silo reports ready after seeding.
        builder.Services.AddHostedService<SeedService>();
        builder.Services.AddHealthChecks().AddCheck<ClusterReadyCheck>("cluster", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }

    public static WebApplication MapRealtimeSilo(this WebApplication app)
    {
        app.MapRealtimeDefaults();
        if (app.Configuration.GetValue(SiloOptions.Section + ":" + nameof(SiloOptions.Dashboard), false))
            app.MapOrleansDashboard();
        return app;
    }
}

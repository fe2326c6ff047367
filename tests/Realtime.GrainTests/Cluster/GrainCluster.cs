using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orleans.Hosting;
using Orleans.Reminders;
using Orleans.Storage;
using Orleans.TestingHost;
using Realtime.Grains;
using Realtime.Grains.Indexes;
using Realtime.Grains.Questions;

namespace Realtime.GrainTests.Cluster;

/// <summary>
/// One in-process silo whose grains, grain timers and reminders run on a <see cref="FakeTimeProvider"/>, with grain
/// state in memory behind <see cref="FailingGrainStorage"/> and reminders in memory. With a storage connection string
/// (Azurite) it also has the table-backed desk and index stores.
/// </summary>
public class GrainCluster : IAsyncLifetime
{
    /// <summary>Monday 2 March 2026, 09:00 in Shenyang: where the fake clock starts.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private const string StorageKey = "Storage:ConnectionString";
    private TestCluster _cluster = null!;

    public IGrainFactory Grains => _cluster.GrainFactory;
    public FakeTimeProvider Clock { get; private set; } = null!;
    public FailingGrainStorage Storage { get; private set; } = null!;

    public virtual async Task InitializeAsync() => await DeployAsync(null);

    public virtual async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }

    protected async Task DeployAsync(string? storageConnectionString)
    {
        var builder = new TestClusterBuilder(1);
        if (storageConnectionString is not null)
            builder.Properties[StorageKey] = storageConnectionString;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        var services = _cluster.Primary is InProcessSiloHandle { SiloHost: { } host }
            ? host.Services
            : throw new InvalidOperationException("The grain tests need the silo in this process, to reach its fake clock.");
        Clock = services.GetRequiredService<FakeTimeProvider>();
        Storage = services.GetRequiredService<FailingGrainStorage>();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            var services = silo.Services;
            // Grains and their timers and reminders see the fake clock; the silo's own upkeep (membership, messaging,
            // activation collection) stays on real time, so advancing the clock only fires what the tests are about.
            services.AddSingleton(new FakeTimeProvider(Start));
            services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<FakeTimeProvider>());
            services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, (sp, _) => sp.GetRequiredService<TimeProvider>());

            silo.AddMemoryGrainStorage(FailingGrainStorage.InnerName);
            services.AddSingleton<FailingGrainStorage>();
            services.AddKeyedSingleton<IGrainStorage>(StorageNames.Default, (sp, _) => sp.GetRequiredService<FailingGrainStorage>());
            silo.UseInMemoryReminderService();
            // Orleans arms a local timer only for reminders due within this window and loads the others on a table
            // refresh every few minutes; a reminder that falls due between refreshes then waits for its next period.
            // Real time never skips past a refresh, a fake clock advanced by days does: so every reminder is armed.
            silo.Configure<ReminderOptions>(o => o.ReminderLoadingWindow = TimeSpan.FromDays(400));

            services.AddSingleton(Options.Create(new DeskRules()));
            if (silo.Configuration[StorageKey] is { Length: > 0 } connection)
            {
                services.AddSingleton(_ => new DeskStore(new TableServiceClient(connection)));
                services.AddSingleton(_ => new IndexTables(new TableServiceClient(connection)));
            }
        }
    }
}

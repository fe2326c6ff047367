namespace Realtime.Testing;

/// <summary>A silo process of the real binary, on free ports.</summary>
public sealed class SiloProcess(Azurite azurite, string clusterId, bool demoProgrammes = false,
    IReadOnlyDictionary<string, string>? extra = null) : IAsyncDisposable
{
    public int SiloPort { get; } = FreePorts.Next();
    public int GatewayPort { get; } = FreePorts.Next();
    public int DashboardPort { get; } = FreePorts.Next();
    public ManagedProcess? Process { get; private set; }

    public async Task StartAsync()
    {
        var environment = new Dictionary<string, string>
            {
                ["DOTNET_ENVIRONMENT"] = "Development",
                ["Storage__ConnectionString"] = azurite.ConnectionString,
                ["Cluster__ClusterId"] = clusterId,
                ["Silo__SiloPort"] = SiloPort.ToString(),
                ["Silo__GatewayPort"] = GatewayPort.ToString(),
                ["Silo__DashboardPort"] = DashboardPort.ToString(),
                ["Seed__DemoProgrammes"] = demoProgrammes ? "true" : "false",
                // Notice a killed silo within seconds rather than the production default of about a minute.
                ["Orleans__Membership__ProbeTimeout"] = "00:00:01",
                ["Orleans__Membership__NumMissedProbesLimit"] = "2",
                ["Orleans__Membership__NumVotesForDeathDeclaration"] = "1",
                ["Orleans__Membership__TableRefreshTimeout"] = "00:00:02",
                ["Orleans__Membership__IAmAliveTablePublishTimeout"] = "00:00:05",
            };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
            environment[key] = value;
        Process = ManagedProcess.Start("silo", "dotnet",
            [RepoPaths.Binary("Silo", "Realtime.Silo"), "--contentRoot", Path.Combine(RepoPaths.Root, "Silo")], environment);
        await Process.WaitForHttpAsync($"http://127.0.0.1:{DashboardPort}/health/ready", TimeSpan.FromSeconds(180)); // a liveness bound: a busy machine starts slowly
    }

    public Task KillAsync() => Process!.KillAsync();

    public Task StopAsync() => Process!.StopAsync();

    public async ValueTask DisposeAsync()
    {
        if (Process is not null)
            await Process.DisposeAsync();
    }
}

/// <summary>
/// A LiveApi process of the real binary (real Kestrel), on free ports. Every test user and benchmark client connects
/// from 127.0.0.1, so the per-address limits are raised unless <see cref="ProductionLimits"/> is among the settings.
/// </summary>
public sealed class LiveApiProcess(Azurite azurite, string clusterId, IReadOnlyDictionary<string, string>? extra = null) : IAsyncDisposable
{
    /// <summary>A settings key (not passed on) that keeps LiveApi's own per-address limits, for the tests of them.</summary>
    public const string ProductionLimits = "test:production-limits";

    private static readonly Dictionary<string, string> OneAddressManyPeople = new()
    {
        ["Limits__ViewerTokensPer10Minutes"] = "1000000",
        ["Limits__SubmitsPerMinute"] = "1000000",
        ["Limits__VotesPerMinute"] = "1000000",
        ["Limits__VotesPerQuestionPerHour"] = "1000000",
        ["Limits__RatingsPerMinute"] = "1000000",
    };

    public int HttpPort { get; } = FreePorts.Next();
    public int GrpcPort { get; } = FreePorts.Next();
    public int MetricsPort { get; } = FreePorts.Next();
    public ManagedProcess? Process { get; private set; }
    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}/");
    public Uri MetricsAddress => new($"http://127.0.0.1:{MetricsPort}/metrics");
    public Uri GrpcAddress => new($"http://127.0.0.1:{GrpcPort}/");

    public async Task StartAsync()
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Storage__ConnectionString"] = azurite.ConnectionString,
            ["Cluster__ClusterId"] = clusterId,
            ["LiveApi__HttpPort"] = HttpPort.ToString(),
            ["LiveApi__GrpcPort"] = GrpcPort.ToString(),
            ["LiveApi__MetricsPort"] = MetricsPort.ToString(),
            ["LiveApi__RegistrationInterval"] = "00:00:02",
        };
        var settings = extra ?? new Dictionary<string, string>();
        if (!settings.ContainsKey(ProductionLimits))
        {
            foreach (var (key, value) in OneAddressManyPeople)
                environment[key] = value;
        }
        foreach (var (key, value) in settings.Where(s => s.Key != ProductionLimits))
            environment[key] = value;
        Process = ManagedProcess.Start("liveapi", "dotnet",
            [RepoPaths.Binary("LiveApi", "Realtime.LiveApi"), "--contentRoot", Path.Combine(RepoPaths.Root, "LiveApi")], environment);
        await Process.WaitForHttpAsync(new Uri(BaseAddress, "health/ready").ToString(), TimeSpan.FromSeconds(180)); // a liveness bound: a busy machine starts slowly
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public Task KillAsync() => Process!.KillAsync();

    public async ValueTask DisposeAsync()
    {
        if (Process is not null)
            await Process.DisposeAsync();
    }
}

/// <summary>A MediaWorker process of the real binary, taking jobs from one LiveApi with the development key.</summary>
public sealed class WorkerProcess(LiveApiProcess api, IReadOnlyDictionary<string, string>? extra = null) : IAsyncDisposable
{
    public const string Key = "development-worker-key";
    public int HealthPort { get; } = FreePorts.Next();
    public string WorkerId { get; } = "test-worker-" + Guid.NewGuid().ToString("N")[..6];
    public int LivePort { get; } = FreePorts.Next();
    public ManagedProcess? Process { get; private set; }

    public async Task StartAsync()
    {
        var environment = new Dictionary<string, string>
        {
            ["Worker__HealthPort"] = HealthPort.ToString(),
            ["Jobs__Key"] = Key,
            ["Jobs__LiveApiGrpc"] = api.GrpcAddress.ToString(),
            ["Jobs__WorkerId"] = WorkerId,
            ["Jobs__PollSeconds"] = "1",
            ["Jobs__HeartbeatSeconds"] = "1",
            // Each worker its own SRT port: test stacks run side by side on one machine.
            ["Live__PortFrom"] = LivePort.ToString(),
            ["Live__PortTo"] = LivePort.ToString(),
            ["Live__ReportSeconds"] = "1",
            ["Live__NoInputSeconds"] = "6",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
            environment[key] = value;
        Process = ManagedProcess.Start("worker", "dotnet",
            [RepoPaths.Binary("MediaWorker", "Realtime.MediaWorker"), "--contentRoot", Path.Combine(RepoPaths.Root, "MediaWorker")], environment);
        await Process.WaitForHttpAsync($"http://127.0.0.1:{HealthPort}/health/ready", TimeSpan.FromSeconds(180)); // a liveness bound: a busy machine starts slowly
    }

    public Task KillAsync() => Process!.KillAsync();

    public async ValueTask DisposeAsync()
    {
        if (Process is not null)
            await Process.DisposeAsync();
    }
}

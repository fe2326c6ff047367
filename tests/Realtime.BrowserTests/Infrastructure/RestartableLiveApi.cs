using Realtime.Testing;

namespace Realtime.BrowserTests.Infrastructure;

/// <summary>
/// A LiveApi process that can be killed and started again on the SAME ports, so open pages reconnect to the address
/// they were loaded from (LiveApiProcess picks new free ports for every instance).
/// </summary>
public sealed class RestartableLiveApi(Azurite azurite, string clusterId) : IAsyncDisposable
{
    public int HttpPort { get; } = FreePorts.Next();
    public int GrpcPort { get; } = FreePorts.Next();
    public ManagedProcess? Process { get; private set; }
    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}/");

    public async Task StartAsync()
    {
        Process = ManagedProcess.Start("liveapi-restartable", "dotnet",
            [RepoPaths.Binary("LiveApi", "Realtime.LiveApi"), "--contentRoot", Path.Combine(RepoPaths.Root, "LiveApi")],
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Storage__ConnectionString"] = azurite.ConnectionString,
                ["Cluster__ClusterId"] = clusterId,
                ["LiveApi__HttpPort"] = HttpPort.ToString(),
                ["LiveApi__GrpcPort"] = GrpcPort.ToString(),
                ["LiveApi__RegistrationInterval"] = "00:00:02",
            });
        await Process.WaitForHttpAsync(new Uri(BaseAddress, "health/ready").ToString(), TimeSpan.FromSeconds(90));
    }

    /// <summary>SIGKILL, like a crash: open WebSockets drop without a close frame.</summary>
    public async Task KillAsync()
    {
        if (Process is null)
            return;
        await Process.KillAsync();
        await Process.DisposeAsync();
        Process = null;
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        if (Process is not null)
            await Process.DisposeAsync();
    }
}

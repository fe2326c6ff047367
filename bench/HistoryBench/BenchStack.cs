using Realtime.Testing;

namespace Realtime.Bench.History;

/// <summary>Azurite, a silo and a LiveApi of their own (real processes, free ports): one stack per amount of history.</summary>
public sealed class BenchStack : IAsyncDisposable
{
    private SiloProcess _silo = null!;

    private BenchStack(Azurite azurite, string clusterId) => (Azurite, ClusterId) = (azurite, clusterId);

    public Azurite Azurite { get; }
    public string ClusterId { get; }
    public LiveApiProcess Api { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;

    public static async Task<BenchStack> StartAsync(bool inMemory)
    {
        var stack = new BenchStack(await Azurite.StartAsync(inMemory), "history-" + Guid.NewGuid().ToString("N")[..6]);
        stack._silo = new SiloProcess(stack.Azurite, stack.ClusterId);
        await stack._silo.StartAsync();
        stack.Api = new LiveApiProcess(stack.Azurite, stack.ClusterId);
        await stack.Api.StartAsync();
        stack.Admin = await stack.Api.AsAsync("admin");
        return stack;
    }

    /// <summary>A fresh silo process: its memory is then what serving takes, not what loading left behind.</summary>
    public async Task RestartSiloAsync()
    {
        await _silo.DisposeAsync();
        _silo = new SiloProcess(Azurite, ClusterId);
        await _silo.StartAsync();
        await Eventually.Until(async () => (await Admin.GetAsync("/api/programmes/window")).IsSuccessStatusCode, ok => ok,
            "LiveApi reaching the restarted silo", TimeSpan.FromSeconds(90));
    }

    /// <summary>The silo's resident memory (VmRSS), MiB.</summary>
    public long SiloMemoryMiB()
    {
        var line = File.ReadLines($"/proc/{_silo.Process!.Pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }

    public async ValueTask DisposeAsync()
    {
        Admin?.Dispose();
        if (Api is not null)
            await Api.DisposeAsync();
        await _silo.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}

using System.Net.Sockets;

namespace Realtime.Testing;

/// <summary>A private Azurite (blob, queue, table) on free ports with a temporary data folder.</summary>
public sealed class Azurite : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Azurite(ManagedProcess process, string dataFolder, int blob, int queue, int table)
    {
        Process = process;
        DataFolder = dataFolder;
        BlobPort = blob;
        QueuePort = queue;
        TablePort = table;
    }

    public ManagedProcess Process { get; private set; }
    public string DataFolder { get; }
    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    /// <summary>Azurite keeps its data in memory only: no periodic save of the whole database to disk.</summary>
    public bool InMemory { get; private init; }

    /// <param name="inMemory">For benchmarks that measure our code rather than the emulator's disk persistence.</param>
    public static async Task<Azurite> StartAsync(bool inMemory = false)
    {
        var folder = Directory.CreateTempSubdirectory("rt-azurite-").FullName;
        var azurite = new Azurite(null!, folder, FreePorts.Next(), FreePorts.Next(), FreePorts.Next()) { InMemory = inMemory };
        await azurite.StartProcessAsync();
        return azurite;
    }

    /// <summary>Starts Azurite again on the same ports and data (after <see cref="ManagedProcess.KillAsync"/>).</summary>
    public async Task StartProcessAsync()
    {
        Process = ManagedProcess.Start("azurite", "node",
        [
            RepoPaths.Azurite, "--skipApiVersionCheck", "--loose", "--silent",
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", BlobPort.ToString(), "--queuePort", QueuePort.ToString(), "--tablePort", TablePort.ToString(),
            .. (InMemory ? ["--inMemoryPersistence"] : new[] { "--location", DataFolder }),
        ]);
        var deadline = DateTime.UtcNow.AddSeconds(120); // a busy machine starts node slowly
        while (DateTime.UtcNow < deadline)
        {
            if (Process.HasExited)
                throw new InvalidOperationException("Azurite exited at start. Is Node.js installed? Run `./realtime setup`.\n" + Process.Tail());
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", TablePort);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(200);
            }
        }
        throw new TimeoutException("Azurite did not listen within 120 s.\n" + Process.Tail());
    }

    public async ValueTask DisposeAsync()
    {
        await Process.StopAsync(TimeSpan.FromSeconds(3));
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }
}

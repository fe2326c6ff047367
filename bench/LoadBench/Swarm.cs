using System.Net.WebSockets;

namespace Realtime.Bench.Load;

/// <summary>N raw viewers connected with bounded concurrency, pinged so the server keeps them, counted when refused.</summary>
public sealed class Swarm(Round round) : IAsyncDisposable
{
    private readonly List<RawViewer> _viewers = [];
    private CancellationTokenSource? _pinging;

    public int Connected => _viewers.Count(v => v.Open);
    public int Refused { get; private set; }
    public int Failed { get; private set; }
    public string? LastError { get; private set; }
    public int MessageBytes => _viewers.Select(v => v.MessageBytes).FirstOrDefault(b => b > 0);

    public async Task ConnectAsync(Uri uri, int count, string? invokeTarget, string? argument, int parallel = 100)
    {
        using var gate = new SemaphoreSlim(parallel);
        var start = _viewers.Count;
        var tasks = Enumerable.Range(start, count).Select(async i =>
        {
            await gate.WaitAsync();
            var viewer = new RawViewer(i, round);
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                await viewer.ConnectAsync(uri, invokeTarget, argument, timeout.Token);
                lock (_viewers)
                    _viewers.Add(viewer);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or System.Net.Http.HttpRequestException)
            {
                lock (_viewers)
                {
                    if (ex.Message.Contains("503", StringComparison.Ordinal))
                        Refused++;
                    else
                        Failed++;
                    LastError = ex.Message;
                }
                await viewer.DisposeAsync();
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(tasks);
        _pinging ??= StartPings();
    }

    /// <summary>SignalR drops a client it has not heard from for 30 s: every viewer pings every 10 s.</summary>
    private CancellationTokenSource StartPings()
    {
        var cts = new CancellationTokenSource();
        _ = Task.Run(async () =>
        {
            while (!cts.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), cts.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                RawViewer[] snapshot;
                lock (_viewers)
                    snapshot = [.. _viewers];
                foreach (var viewer in snapshot)
                {
                    try { await viewer.PingAsync(cts.Token); } catch (Exception) { }
                }
            }
        });
        return cts;
    }

    public async ValueTask DisposeAsync()
    {
        _pinging?.Cancel();
        using var gate = new SemaphoreSlim(200);
        await Task.WhenAll(_viewers.Select(async v =>
        {
            await gate.WaitAsync();
            try { await v.DisposeAsync(); } finally { gate.Release(); }
        }));
        _viewers.Clear();
    }
}

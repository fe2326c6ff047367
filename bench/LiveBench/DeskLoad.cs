using Realtime.Testing;

namespace Realtime.Bench.Live;

/// <summary>Viewers submitting questions to the live programme at a steady rate: the desk under load beside the encode.</summary>
public sealed class DeskLoad : IAsyncDisposable
{
    private readonly List<DeskClient> _viewers = [];
    private readonly CancellationTokenSource _stop = new();
    private Task? _running;

    public int Acknowledged;

    public static async Task<DeskLoad> ConnectAsync(LiveApiProcess api, int viewers)
    {
        var load = new DeskLoad();
        for (var i = 0; i < viewers; i++)
            load._viewers.Add(await DeskClient.ConnectAsync(api, await Tokens.ViewerAsync(api)));
        return load;
    }

    public void Start(string programmeId, int perSecond)
    {
        var each = TimeSpan.FromSeconds(_viewers.Count / (double)perSecond);
        _running = Task.WhenAll(_viewers.Select((viewer, i) => Task.Run(async () =>
        {
            await Task.Delay(each * i / _viewers.Count);
            using var timer = new PeriodicTimer(each);
            var n = 0;
            while (await timer.WaitForNextTickAsync(_stop.Token).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default))
            {
                var reply = await viewer.Submit(programmeId, $"直播压力测试问题 {i}-{n++}：社区养老服务怎么申请？");
                if (reply.Ok)
                    Interlocked.Increment(ref Acknowledged);
            }
        })));
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
            await _running;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        foreach (var viewer in _viewers)
            await viewer.DisposeAsync();
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using Realtime.Contracts.Questions;
using Realtime.Testing;

namespace Realtime.Bench.Desk;

/// <summary>Viewers and a moderator as real SignalR clients of one LiveApi.</summary>
public sealed class Load(string programmeId)
{
    private static readonly string Pool = "养老医保低保再就业动迁补偿土地承包宅基地审批农机具补贴社区服务教育住房公积金供暖物业停车垃圾分类公交线路小区电梯改造户籍办理企业扶持税费减免创业贷款退休手续工伤认定";
    private int _sequence;

    public static async Task<DeskClient[]> Viewers(LiveApiProcess api, int count) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(async _ => await DeskClient.ConnectAsync(api, await Tokens.ViewerAsync(api))));

    /// <summary>A question text that reads like one and is rarely similar to another.</summary>
    public string NextText()
    {
        var n = Interlocked.Increment(ref _sequence);
        var random = Random.Shared;
        var chars = Enumerable.Range(0, 24).Select(_ => Pool[random.Next(Pool.Length)]);
        return $"请问{string.Concat(chars)}怎么办理？（{n}）";
    }

    /// <summary>As many durable submits as the clients can get acknowledged, for the given time (closed loop).</summary>
    public async Task<(int Acknowledged, int Refused, double Seconds)> Saturate(DeskClient[] viewers, TimeSpan duration)
    {
        var acknowledged = 0;
        var refused = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(viewers.Select(async viewer =>
        {
            while (clock.Elapsed < duration)
            {
                var reply = await viewer.Submit(programmeId, NextText(), ignoreSimilar: false);
                if (reply.Ok && reply.Value!.Question is not null)
                    Interlocked.Increment(ref acknowledged);
                else
                    Interlocked.Increment(ref refused);
            }
        }));
        return (acknowledged, refused, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Submits at a fixed rate (open loop) and measures ack latency and submit → moderator push latency.</summary>
    public async Task<(Stats Ack, Stats Push, double Rate)> Paced(DeskClient[] viewers, DeskClient moderator, int perSecond, TimeSpan duration)
    {
        var ack = new Stats();
        var push = new Stats();
        var sentAt = new ConcurrentDictionary<string, long>();
        var reading = Task.Run(async () =>
        {
            await foreach (var patch in moderator.Staff.Reader.ReadAllAsync())
            {
                var now = Stopwatch.GetTimestamp();
                foreach (var q in patch.Questions)
                {
                    if (q.Version == 1 && sentAt.TryRemove(q.RequestId, out var at))
                        push.Add(Stopwatch.GetElapsedTime(at, now).TotalMilliseconds);
                }
            }
        });

        var total = (int)(perSecond * duration.TotalSeconds);
        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        var started = Stopwatch.StartNew();
        var inflight = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = interval * i;
            if (due > started.Elapsed)
                await Task.Delay(due - started.Elapsed);
            var viewer = viewers[i % viewers.Length];
            var requestId = Guid.NewGuid().ToString("N");
            var at = Stopwatch.GetTimestamp();
            sentAt[requestId] = at;
            inflight.Add(Task.Run(async () =>
            {
                var reply = await viewer.Submit(programmeId, NextText(), requestId, ignoreSimilar: true);
                if (reply.Ok)
                    ack.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
            }));
        }
        await Task.WhenAll(inflight);
        var rate = total / started.Elapsed.TotalSeconds;
        await Task.Delay(1000);
        moderator.Staff.Writer.TryComplete();
        await reading;
        return (ack, push, rate);
    }

    /// <summary>Every viewer votes once for each of the given questions, as fast as acknowledged.</summary>
    public async Task<(int Votes, double Seconds)> Votes(DeskClient[] viewers, IReadOnlyList<long> questionIds)
    {
        var votes = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(viewers.Select(async viewer =>
        {
            foreach (var id in questionIds)
            {
                if ((await viewer.Call<PublicQuestion>("Vote", programmeId, id)).Ok)
                    Interlocked.Increment(ref votes);
            }
        }));
        return (votes, clock.Elapsed.TotalSeconds);
    }
}

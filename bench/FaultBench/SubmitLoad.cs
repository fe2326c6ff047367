using System.Collections.Concurrent;
using System.Diagnostics;
using Realtime.Contracts.Questions;
using Realtime.Testing;

namespace Realtime.Bench.Faults;

/// <summary>Submits at a fixed rate from many viewers; remembers every acknowledged question and every refusal.</summary>
public sealed class SubmitLoad(string programmeId, DeskClient[] viewers)
{
    public ConcurrentDictionary<long, string> Acknowledged { get; } = new();
    public ConcurrentDictionary<string, int> Errors { get; } = new();
    public int Sent;

    public async Task RunAsync(int perSecond, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        var clock = Stopwatch.StartNew();
        var inflight = new List<Task>();
        for (var i = 0; clock.Elapsed < duration && !cancellationToken.IsCancellationRequested; i++)
        {
            var due = interval * i;
            if (due > clock.Elapsed)
                await Task.Delay(due - clock.Elapsed, cancellationToken);
            var viewer = viewers[i % viewers.Length];
            var text = $"故障测试问题 {i}：{Guid.NewGuid():N}";
            Interlocked.Increment(ref Sent);
            inflight.Add(Task.Run(async () =>
            {
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                    var reply = (Reply<SubmitOutcome>)(await viewer.Connection.InvokeCoreAsync("Submit", typeof(Reply<SubmitOutcome>),
                        [programmeId, new SubmitQuestion(Guid.NewGuid().ToString("N"), text, null, "210102001001", null, null, true)], timeout.Token))!;
                    if (reply.Ok && reply.Value!.Question is { } q)
                        Acknowledged[q.Id] = text;
                    else
                        Errors.AddOrUpdate(reply.Error?.Kind ?? "NoQuestion", 1, (_, n) => n + 1);
                }
                catch (Exception ex)
                {
                    Errors.AddOrUpdate(ex.GetType().Name, 1, (_, n) => n + 1);
                }
            }, CancellationToken.None));
        }
        await Task.WhenAll(inflight);
    }

    public string ErrorSummary() => Errors.IsEmpty ? "none" : string.Join(", ", Errors.Select(e => $"{e.Key} ×{e.Value}"));
}

using System.Diagnostics;

namespace Realtime.Bench.Load;

/// <summary>One measured push: the id the viewers wait for, when it was sent, and when each viewer saw it.</summary>
public sealed class Round(int viewers)
{
    private readonly long[] _arrivals = new long[viewers];
    private int _hits;

    public long ExpectedId { get; private set; } = -1;
    public long SentAt { get; private set; }
    public int Hits => Volatile.Read(ref _hits);

    public void Arm(long id)
    {
        Array.Clear(_arrivals);
        _hits = 0;
        ExpectedId = id;
        SentAt = Stopwatch.GetTimestamp();
    }

    public void Hit(int viewer, long at)
    {
        if (viewer < _arrivals.Length && Interlocked.CompareExchange(ref _arrivals[viewer], at, 0) == 0)
            Interlocked.Increment(ref _hits);
    }

    public async Task<bool> WaitAll(int expected, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (Hits < expected && clock.Elapsed < timeout)
            await Task.Delay(5);
        return Hits >= expected;
    }

    /// <summary>Delivery times in milliseconds of the viewers that saw it.</summary>
    public IEnumerable<double> Latencies() => _arrivals.Where(a => a != 0).Select(a => Stopwatch.GetElapsedTime(SentAt, a).TotalMilliseconds);
}

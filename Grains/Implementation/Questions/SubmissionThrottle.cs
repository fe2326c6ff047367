namespace Realtime.Grains.Questions;

/// <summary>
/// Per-viewer submission limits of one programme: a sliding minute window, and one per N seconds in slow mode.
/// Kept in the desk grain (not in a LiveApi host) so the limit holds across every host a viewer may reach.
/// </summary>
public sealed class SubmissionThrottle(TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _recent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _last = new(StringComparer.Ordinal);

    /// <summary>Null when the viewer may submit now (and counts it), else how long to wait.</summary>
    public TimeSpan? TryTake(string viewerId, int perMinute, int slowModeSeconds)
    {
        var now = clock.GetUtcNow();
        if (slowModeSeconds > 0 && _last.TryGetValue(viewerId, out var last))
        {
            var gap = TimeSpan.FromSeconds(slowModeSeconds);
            if (now - last < gap)
                return gap - (now - last);
        }
        if (!_recent.TryGetValue(viewerId, out var times))
            _recent[viewerId] = times = new Queue<DateTimeOffset>();
        while (times.Count > 0 && now - times.Peek() >= Window)
            times.Dequeue();
        if (times.Count >= perMinute)
            return Window - (now - times.Peek());
        times.Enqueue(now);
        _last[viewerId] = now;
        return null;
    }
}

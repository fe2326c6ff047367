namespace Realtime.Testing;

/// <summary>Waits for something a user would eventually see; fails with what was last seen. Not a timing assertion.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        Exception? lastError = null;
        T? last = default;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = await probe();
                if (done(last))
                    return last;
                lastError = null;
            }
            catch (Exception ex)
            {
                lastError = ex;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"Never saw: {what}. Last value: {last}; last error: {lastError?.Message}");
    }

    /// <summary>
    /// Waits for long work (a transcode) that reports progress: gives up only when <paramref name="progress"/> has not
    /// changed for <paramref name="stall"/> (or after <paramref name="limit"/>), so a busy machine slows the test
    /// without failing it, while work that is stuck still fails with what was last seen.
    /// </summary>
    public static async Task<T> WhileProgressing<T, TProgress>(Func<Task<T>> probe, Func<T, bool> done, Func<T, TProgress> progress,
        string what, TimeSpan? stall = null, TimeSpan? limit = null)
    {
        var stallAfter = stall ?? TimeSpan.FromSeconds(60);
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromMinutes(10));
        var lastChange = DateTime.UtcNow;
        Exception? lastError = null;
        T? last = default;
        TProgress? seen = default;
        while (DateTime.UtcNow < deadline && DateTime.UtcNow - lastChange < stallAfter)
        {
            try
            {
                last = await probe();
                if (done(last))
                    return last;
                var now = progress(last);
                if (!EqualityComparer<TProgress>.Default.Equals(now, seen))
                    (seen, lastChange) = (now, DateTime.UtcNow);
                lastError = null;
            }
            catch (Exception ex)
            {
                lastError = ex;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"Never saw: {what} (no progress for {stallAfter.TotalSeconds:0} s). Last value: {last}; last error: {lastError?.Message}");
    }
}

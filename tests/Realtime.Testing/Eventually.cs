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
}

using System.Diagnostics;

namespace Realtime.Bench.Live;

/// <summary>
/// Many clients reading one live playlist as fast as they can for a while (full bodies, as players without a CDN do):
/// requests per second and latency. The same load runs against LiveApi and against a bare Kestrel serving the same bytes.
/// </summary>
public static class PlaylistLoad
{
    public static async Task<(double PerSecond, Samples Latency)> RunAsync(Uri url, int concurrency, TimeSpan duration)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        var latency = new Samples("ms");
        var count = 0L;
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                var t = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
                response.EnsureSuccessStatusCode();
                latency.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                Interlocked.Increment(ref count);
            }
        }));
        return (count / Stopwatch.GetElapsedTime(started).TotalSeconds, latency);
    }

    /// <summary>The baseline: Kestrel answering every request with the playlist's bytes from memory and the same headers.</summary>
    public static async Task ServeBareAsync(string file, int port)
    {
        var bytes = await File.ReadAllBytesAsync(file);
        var etag = $"\"bare-{bytes.Length}\"";
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGet("/playlist.m3u8", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=1";
            http.Response.Headers.ETag = etag;
            return Results.Bytes(bytes, "application/vnd.apple.mpegurl");
        });
        Console.WriteLine("READY");
        await app.RunAsync();
    }
}

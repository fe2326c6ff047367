using System.Net.Http.Json;
using Realtime.Contracts.Programmes;
using Realtime.Testing;

namespace Realtime.IntegrationTests.History;

/// <summary>Schedules programmes at chosen times through the admin API, as an operator filling the schedule would.</summary>
public static class HistoryClient
{
    public static async Task<ProgrammeDetails> ScheduleAtAsync(this HttpClient admin, string title, DateTimeOffset start, params string[] districts)
    {
        var body = new
        {
            series = "MinshengFaceToFace",
            title,
            scheduledStart = start,
            scheduledEnd = start.AddHours(1),
            guests = Array.Empty<object>(),
            districts,
        };
        return await (await admin.PostAsJsonAsync("/api/programmes", body, ApiClient.Json)).ReadAsync<ProgrammeDetails>();
    }

    /// <summary>Runs the calls <paramref name="parallel"/> at a time.</summary>
    public static async Task<List<T>> InParallel<T>(int count, int parallel, Func<int, Task<T>> call)
    {
        var results = new T[count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
                results[i] = await call(i);
        }));
        return [.. results];
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using Realtime.Contracts.LiveStreams;
using Realtime.Contracts.Programmes;
using Realtime.Testing;

namespace Realtime.IntegrationTests.Media;

/// <summary>
/// A programme with a live stream, as an admin sets it up; disposing it ends the programme, so a failed test never
/// leaves the stack's worker holding a stream (its live slot) for the tests after it.
/// </summary>
public sealed class LiveShow(MediaStack stack, HttpClient admin, string programmeId) : IAsyncDisposable
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    public string Id { get; } = programmeId;

    /// <summary>Schedules a programme of the series and opens its stream; <paramref name="goLive"/> also starts the programme.</summary>
    public static async Task<LiveShow> OpenAsync(MediaStack stack, HttpClient admin, string title, string series, bool goLive = true)
    {
        var id = (await (await admin.PostAsJsonAsync("/api/programmes", ApiClient.ProgrammeBody(title, ["210103"], series), ApiClient.Json))
            .ReadAsync<ProgrammeDetails>()).Id;
        var opened = await admin.PostAsync($"/api/programmes/{id}/live-stream", null);
        if (!opened.IsSuccessStatusCode)
            throw new InvalidOperationException($"Opening the stream failed: {(int)opened.StatusCode} {await opened.Content.ReadAsStringAsync()}");
        if (goLive)
            (await admin.PostAsync($"/api/programmes/{id}/live", null)).EnsureSuccessStatusCode();
        return new LiveShow(stack, admin, id);
    }

    /// <summary>Waits for the stream to reach a state; a timeout says what the worker printed last.</summary>
    public async Task<LiveStream> Stream(Func<LiveStream, bool> done, string what)
    {
        try
        {
            return await Eventually.Until(async () => (await admin.GetFromJsonAsync<LiveStream>($"/api/programmes/{Id}/live-stream", ApiClient.Json))!,
                done, what, Bound);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\n{stack.Worker.Process?.Tail()}", ex);
        }
    }

    /// <summary>Waits for a live playlist (as a viewer reads it) to satisfy <paramref name="done"/>; "" while it is missing.</summary>
    public async Task<string> Playlist(HttpClient anyone, string name, Func<string, bool> done, string what)
    {
        try
        {
            return await Eventually.Until(async () =>
            {
                var response = await anyone.GetAsync($"/live/{Id}/{name}");
                return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : "";
            }, done, what, Bound);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\n{stack.Worker.Process?.Tail()}", ex);
        }
    }

    public Task<HttpResponseMessage> End() => admin.PostAsync($"/api/programmes/{Id}/end", null);

    public static List<string> Segments(string playlist) =>
        [.. playlist.Split('\n').Where(l => l.EndsWith(".ts", StringComparison.Ordinal))];

    /// <summary>The archive's detail of the programme, or null while it has no replay.</summary>
    public async Task<JsonElement?> Archive(HttpClient anyone)
    {
        var response = await anyone.GetAsync($"/api/archive/{Id}");
        return response.IsSuccessStatusCode ? await response.ReadAsync<JsonElement>() : null;
    }

    public async ValueTask DisposeAsync() => await End(); // 409 when the test ended it already
}

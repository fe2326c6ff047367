using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Realtime.Testing;

namespace Realtime.BrowserTests.Infrastructure;

/// <summary>What happens off-screen in a test, through the public REST API: the admin schedules, staff moderate.</summary>
public sealed class Backstage(HttpClient admin, Func<string>? diagnostics = null) : IDisposable
{
    public static async Task<Backstage> SignInAsync(LiveApiProcess api) => new(await api.AsAsync("admin"), () => api.Process?.Tail() ?? "");

    /// <summary>Runs a step; a failure carries the server's recent output (a 500 says nothing by itself).</summary>
    private async Task<T> Step<T>(Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (InvalidOperationException ex) when (diagnostics is not null)
        {
            throw new InvalidOperationException(ex.Message + "\n" + diagnostics(), ex);
        }
    }

    /// <summary>Schedules a programme covering the districts and puts it live; returns its id.</summary>
    public async Task<string> LiveProgrammeAsync(string title, string[] districts, string series = "MinshengFaceToFace")
    {
        var created = await (await admin.PostAsJsonAsync("/api/programmes", ApiClient.ProgrammeBody(title, districts, series), ApiClient.Json))
            .ReadAsync<JsonElement>();
        var id = created.GetProperty("id").GetString()!;
        await (await admin.PostAsync($"/api/programmes/{id}/live", null)).ReadAsync<JsonElement>();
        return id;
    }

    /// <summary>A moderation action (type as in /api/desk/catalogue), as the admin (who holds every staff role).</summary>
    public Task ModerateAsync(string programmeId, object command) =>
        Step(async () => await (await admin.PostAsJsonAsync($"/api/programmes/{programmeId}/moderation", command, ApiClient.Json)).ReadAsync<JsonElement>());

    /// <summary>The id of the question with this text (waits for it: the viewer's submit may still be in flight).</summary>
    public Task<long> QuestionIdAsync(string programmeId, string text) =>
        Eventually.Until(async () =>
        {
            var snapshot = await (await admin.GetAsync($"/api/programmes/{programmeId}/moderation")).ReadAsync<JsonElement>();
            return snapshot.GetProperty("questions").EnumerateArray()
                .Where(q => q.GetProperty("text").GetString() == text)
                .Select(q => q.GetProperty("id").GetInt64())
                .FirstOrDefault();
        }, id => id > 0, $"question “{text}” in {programmeId}");

    /// <summary>A question from a new anonymous viewer (its own token), through REST; returns the question id.</summary>
    public Task<long> SubmitAsNewViewerAsync(string programmeId, string text, string community, string? name = null,
        string? topic = null, string? department = null) => Step(async () =>
    {
        using var viewer = new HttpClient { BaseAddress = admin.BaseAddress, Timeout = admin.Timeout };
        var issued = await (await viewer.PostAsync("/api/auth/viewer", null)).ReadAsync<JsonElement>();
        viewer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.GetProperty("accessToken").GetString());
        var outcome = await (await viewer.PostAsJsonAsync($"/api/programmes/{programmeId}/questions", new
        {
            requestId = Guid.NewGuid().ToString("N"),
            text,
            displayName = name,
            communityCode = community,
            topic,
            department,
            ignoreSimilar = true,
        }, ApiClient.Json)).ReadAsync<JsonElement>();
        return outcome.GetProperty("question").GetProperty("id").GetInt64();
    });

    public void Dispose() => admin.Dispose();
}

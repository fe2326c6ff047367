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

    /// <summary>How many programmes are live in a district now (tests assert counts relative to it).</summary>
    public async Task<int> LiveCountAsync(string district)
    {
        var programmes = await (await admin.GetAsync("/api/programmes")).ReadAsync<JsonElement[]>();
        return programmes.Count(p => p.GetProperty("state").GetString() == "Live"
            && p.GetProperty("districts").EnumerateArray().Any(d => d.GetString() == district));
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

    /// <summary>Ends a live programme: what was approved but not reached on air becomes follow-up cases.</summary>
    public Task EndAsync(string programmeId) =>
        Step(async () => await (await admin.PostAsync($"/api/programmes/{programmeId}/end", null)).ReadAsync<JsonElement>());

    /// <summary>An HTTP client with a new anonymous viewer's token (a different person each time).</summary>
    public async Task<HttpClient> NewViewerAsync()
    {
        var viewer = new HttpClient { BaseAddress = admin.BaseAddress, Timeout = admin.Timeout };
        var issued = await (await viewer.PostAsync("/api/auth/viewer", null)).ReadAsync<JsonElement>();
        viewer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.GetProperty("accessToken").GetString());
        return viewer;
    }

    /// <summary>The viewer token of each question's asker, so the asker can rate the answer later.</summary>
    private readonly Dictionary<(string Programme, long Question), string> _askers = [];

    /// <summary>The asker of a question this backstage submitted rates its answer (only askers may: REST twin of the hub's Rate).</summary>
    public Task RateAsAskerAsync(string programmeId, long questionId, int score, string? comment = null) => Step(async () =>
    {
        using var viewer = new HttpClient { BaseAddress = admin.BaseAddress, Timeout = admin.Timeout };
        viewer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _askers[(programmeId, questionId)]);
        return await (await viewer.PostAsJsonAsync($"/api/programmes/{programmeId}/questions/{questionId}/rating", new { score, comment }, ApiClient.Json))
            .ReadAsync<JsonElement>();
    });

    /// <summary>Uploads a recording as the admin page does (blocks straight into Blob storage with the SAS, then complete); returns the job id.</summary>
    public Task<string> UploadRecordingAsync(string programmeId, string file, string contentType = "video/mp4") => Step(async () =>
    {
        var ticket = await (await admin.PostAsJsonAsync($"/api/programmes/{programmeId}/recordings",
            new { fileName = Path.GetFileName(file), sizeBytes = new FileInfo(file).Length, contentType }, ApiClient.Json)).ReadAsync<JsonElement>();
        var url = ticket.GetProperty("uploadUrl").GetString()!;
        var blockSize = ticket.GetProperty("session").GetProperty("blockSize").GetInt32();
        var ids = ticket.GetProperty("blockIds").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var bytes = await File.ReadAllBytesAsync(file);
        using (var storage = new HttpClient())
        {
            for (var i = 0; i < ids.Length; i++)
            {
                using var block = new ByteArrayContent(bytes, i * blockSize, Math.Min(blockSize, bytes.Length - i * blockSize));
                (await storage.PutAsync($"{url}&comp=block&blockid={Uri.EscapeDataString(ids[i])}", block)).EnsureSuccessStatusCode();
            }
        }
        var recordingId = ticket.GetProperty("session").GetProperty("recordingId").GetString();
        var job = await (await admin.PostAsync($"/api/recordings/{recordingId}/complete", null)).ReadAsync<JsonElement>();
        return job.GetProperty("jobId").GetString()!;
    });

    /// <summary>Cancels a transcoding job, as the admin page's button does; a job that has finished already stays as it is.</summary>
    public Task CancelJobAsync(string jobId) => Step(async () =>
    {
        var response = await admin.PostAsync($"/api/media/jobs/{jobId}/cancel", null);
        if (response.StatusCode != System.Net.HttpStatusCode.Conflict)
            response.EnsureSuccessStatusCode();
        return response;
    });

    /// <summary>Waits until the archive lists the programme (published early or finished).</summary>
    public async Task PublishedAsync(string programmeId) =>
        await Eventually.Until(async () => (await admin.GetAsync($"/api/archive/{programmeId}")).IsSuccessStatusCode,
            published => published, $"programme {programmeId} in the archive", TimeSpan.FromSeconds(300));

    /// <summary>Waits for a transcoding job to finish; fails with the job's reason unless it succeeded.</summary>
    public async Task SucceededAsync(string jobId)
    {
        var job = await Eventually.WhileProgressing(
            async () => (await (await admin.GetAsync("/api/media/jobs")).ReadAsync<JsonElement[]>()).Single(j => j.GetProperty("jobId").GetString() == jobId),
            j => j.GetProperty("state").GetString() is "Succeeded" or "Failed" or "Cancelled", j => j.GetProperty("version").GetInt64(),
            $"job {jobId} finishing");
        if (job.GetProperty("state").GetString() != "Succeeded")
            throw new InvalidOperationException($"job {jobId}: {job}");
    }

    /// <summary>A question from a new anonymous viewer (its own token), through REST; returns the question id.</summary>
    public Task<long> SubmitAsNewViewerAsync(string programmeId, string text, string community, string? name = null,
        string? topic = null, string? department = null) => Step(async () =>
    {
        using var viewer = await NewViewerAsync();
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
        var id = outcome.GetProperty("question").GetProperty("id").GetInt64();
        _askers[(programmeId, id)] = viewer.DefaultRequestHeaders.Authorization!.Parameter!;
        return id;
    });

    public void Dispose() => admin.Dispose();
}

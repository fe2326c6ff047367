using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Realtime.Contracts.Programmes;

namespace Realtime.Testing;

/// <summary>What a test does through LiveApi's public surface: log in, call REST, open SignalR connections.</summary>
public static class ApiClient
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<string> LoginAsync(this HttpClient http, string name = "admin", string? password = null)
    {
        var response = await http.PostAsJsonAsync("/api/auth/login", new { name, password = password ?? name + "-demo" });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        return body.GetProperty("accessToken").GetString()!;
    }

    public static async Task<HttpClient> AsAsync(this LiveApiProcess api, string name)
    {
        var http = api.CreateClient();
        var token = await http.LoginAsync(name);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{(int)response.StatusCode} {response.ReasonPhrase}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    /// <summary>One page of a list: its items and the cursor of the next page (null at the end).</summary>
    public sealed record PageOf<T>(T[] Items, string? Next);

    /// <summary>Reads every page of a list, following the cursors (the url may carry other query parameters).</summary>
    public static async Task<List<T>> AllPagesAsync<T>(this HttpClient http, string url, int take = 100)
    {
        var all = new List<T>();
        string? cursor = null;
        var separator = url.Contains('?') ? '&' : '?';
        do
        {
            var page = await (await http.GetAsync($"{url}{separator}take={take}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))))
                .ReadAsync<PageOf<T>>();
            all.AddRange(page.Items);
            cursor = page.Next;
        }
        while (cursor is not null);
        return all;
    }

    public static object ProgrammeBody(string title = "测试节目", string[]? districts = null, string series = "MinshengFaceToFace") => new
    {
        series,
        title,
        scheduledStart = DateTimeOffset.UtcNow.AddHours(1),
        scheduledEnd = DateTimeOffset.UtcNow.AddHours(2),
        guests = new[] { new { department = "沈阳市民政局", name = "王建国", title = "局长" } },
        districts = districts ?? ["210102", "210103"],
    };

    public static async Task<ProgrammeDetails> ScheduleAsync(this HttpClient admin, string title = "测试节目", string[]? districts = null)
    {
        var response = await admin.PostAsJsonAsync("/api/programmes", ProgrammeBody(title, districts), Json);
        return await response.ReadAsync<ProgrammeDetails>();
    }

    /// <summary>Schedules a programme as admin and puts it on air; returns its id.</summary>
    public static async Task<string> LiveProgrammeAsync(this LiveApiProcess api, string title, string[] districts)
    {
        using var admin = await api.AsAsync("admin");
        var programme = await admin.ScheduleAsync(title, districts);
        (await admin.PostAsync($"/api/programmes/{programme.Id}/live", null)).EnsureSuccessStatusCode();
        return programme.Id;
    }

    public static HubConnection LiveHub(this LiveApiProcess api, string? token = null) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(api.BaseAddress, "hubs/live"), o => o.AccessTokenProvider = () => Task.FromResult(token))
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
}

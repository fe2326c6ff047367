using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Realtime.Contracts.Questions;

namespace Realtime.Testing;

public sealed record Reply<T>(bool Ok, T? Value, ReplyError? Error);

public sealed record ReplyError(string Kind, string Message, string? Field, string? State);

public sealed record ViewerPatch(string ProgrammeId, long Version, PublicQuestion[] Questions, DeskStatus Status);

public sealed record StaffPatch(string ProgrammeId, long Version, Question[] Questions, DeskStatus Status, ModerationLogEntry[] Log);

/// <summary>A real SignalR client of /hubs/desk that records everything pushed to it.</summary>
public sealed class DeskClient : IAsyncDisposable
{
    private DeskClient(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }
    public Channel<ViewerPatch> Public { get; } = Channel.CreateUnbounded<ViewerPatch>();
    public Channel<JsonElement> PublicRaw { get; } = Channel.CreateUnbounded<JsonElement>();
    public Channel<StaffPatch> Staff { get; } = Channel.CreateUnbounded<StaffPatch>();
    public Channel<PublicQuestion> Mine { get; } = Channel.CreateUnbounded<PublicQuestion>();

    /// <summary>Connects with a viewer token (viewer: true), a staff login (name), or anonymously (neither).</summary>
    public static Task<DeskClient> ConnectAsync(LiveApiProcess api, string? token) => ConnectAsync(new Uri(api.BaseAddress, "hubs/desk"), token);

    /// <summary>Connects to a hub that speaks the desk's protocol at <paramref name="hub"/> (the product's, or a benchmark's baseline).</summary>
    public static async Task<DeskClient> ConnectAsync(Uri hub, string? token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(hub, o => o.AccessTokenProvider = () => Task.FromResult(token))
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        var client = new DeskClient(connection);
        connection.On<JsonElement>("DeskChanged", raw =>
        {
            client.PublicRaw.Writer.TryWrite(raw);
            client.Public.Writer.TryWrite(raw.Deserialize<ViewerPatch>(ApiClient.Json)!);
        });
        connection.On<StaffPatch>("StaffDeskChanged", p => client.Staff.Writer.TryWrite(p));
        connection.On<string, PublicQuestion>("MyQuestionChanged", (_, q) => client.Mine.Writer.TryWrite(q));
        await connection.StartAsync();
        return client;
    }

    public Task<Reply<T>> Call<T>(string method, params object?[] args) => Connection.InvokeCoreAsync<Reply<T>>(method, args);

    public Task<Reply<SubmitOutcome>> Submit(string programmeId, string text, string? requestId = null, bool ignoreSimilar = true,
        string community = "210102001001", string? topic = "养老", string? department = "labour") =>
        Call<SubmitOutcome>("Submit", programmeId, new SubmitQuestion(requestId ?? Guid.NewGuid().ToString("N"), text, null, community, topic, department, ignoreSimilar));

    /// <summary>Waits for the first pushed item that matches; fails after 30 s with what did arrive.</summary>
    public static async Task<T> Next<T>(Channel<T> channel, Func<T, bool> match, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var seen = new List<T>();
        try
        {
            while (true)
            {
                var item = await channel.Reader.ReadAsync(timeout.Token);
                if (match(item))
                    return item;
                seen.Add(item);
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No push matched: {what}. Seen {seen.Count}: {string.Join(" | ", seen.Take(5))}");
        }
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}

public static class Tokens
{
    public static async Task<string> ViewerAsync(LiveApiProcess api)
    {
        using var http = api.CreateClient();
        var body = await (await http.PostAsync("/api/auth/viewer", null)).Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("accessToken").GetString()!;
    }

    public static async Task<string> StaffAsync(LiveApiProcess api, string name)
    {
        using var http = api.CreateClient();
        return await http.LoginAsync(name);
    }
}

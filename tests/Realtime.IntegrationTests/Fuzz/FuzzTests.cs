using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Realtime.IntegrationTests.Foundation;
using Realtime.Testing;
using Xunit.Abstractions;

namespace Realtime.IntegrationTests.Fuzz;

/// <summary>
/// Every REST endpoint of the OpenAPI document and every hub method, with malformed payloads from a fixed seed: no 5xx,
/// no crashed process. `bench/FuzzBench` runs the same generator much longer.
/// </summary>
[Collection(SharedStackCollection.Name)]
public sealed class FuzzTests(SharedStack stack, ITestOutputHelper output)
{
    private const int Seed = 20261127;
    private const int RoundsPerEndpoint = 6;

    [Fact]
    public async Task EveryRestEndpoint_MalformedInput_NeverAnswers5xx()
    {
        using var anyone = stack.Api.CreateClient();
        using var admin = await stack.Api.AsAsync("admin");
        var document = JsonDocument.Parse(await anyone.GetStringAsync("/openapi/v1.json"));
        var payloads = new Payloads(Seed);
        var failures = new List<string>();
        var requests = 0;
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var method = new HttpMethod(operation.Name.ToUpperInvariant());
                for (var round = 0; round < RoundsPerEndpoint; round++)
                {
                    var url = System.Text.RegularExpressions.Regex.Replace(path.Name, "{[^}]+}", _ => payloads.Id())
                        + "?state=" + payloads.Id() + "&month=" + payloads.Id() + "&take=" + payloads.Id() + "&by=" + payloads.Id();
                    using var request = new HttpRequestMessage(method, url);
                    if (method != HttpMethod.Get)
                        request.Content = payloads.Body();
                    var client = round % 2 == 0 ? admin : anyone;
                    var response = await client.SendAsync(request);
                    requests++;
                    if ((int)response.StatusCode >= 500)
                        failures.Add($"{method} {url} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }
        output.WriteLine($"{requests} requests");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(10)));
        Assert.False(stack.Api.Process!.HasExited);
        Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task EveryHubMethod_MalformedArguments_GetAnErrorNotACrash()
    {
        var payloads = new Payloads(Seed + 1);
        await using var desk = await DeskClient.ConnectAsync(stack.Api, await Tokens.StaffAsync(stack.Api, "admin"));
        await using var live = stack.Api.LiveHub(await Tokens.StaffAsync(stack.Api, "admin"));
        await live.StartAsync();
        var methods = new (Microsoft.AspNetCore.SignalR.Client.HubConnection Hub, string Name, int Arity)[]
        {
            (desk.Connection, "Join", 1), (desk.Connection, "Leave", 1), (desk.Connection, "Submit", 2), (desk.Connection, "Vote", 2),
            (desk.Connection, "Withdraw", 2), (desk.Connection, "Rate", 4), (desk.Connection, "Moderate", 1), (desk.Connection, "Approve", 2),
            (desk.Connection, "Reject", 3), (desk.Connection, "Edit", 3), (desk.Connection, "Merge", 3), (desk.Connection, "Note", 3),
            (desk.Connection, "EnterCall", 2), (desk.Connection, "Ban", 2), (desk.Connection, "Reorder", 3), (desk.Connection, "MarkNext", 2),
            (desk.Connection, "PutOnAir", 2), (desk.Connection, "MarkAnswered", 2), (desk.Connection, "SendToFollowUp", 2),
            (desk.Connection, "Pause", 1), (desk.Connection, "Resume", 1), (desk.Connection, "SetSlowMode", 2),
            (live, "WatchCatalog", 0), (live, "WatchProgramme", 1), (live, "WatchDistrict", 1), (live, "UnwatchProgramme", 1),
            (live, "UnwatchDistrict", 1), (live, "WatchMedia", 0), (desk.Connection, "NoSuchMethod", 1),
        };
        var calls = 0;
        foreach (var (hub, name, arity) in methods)
        {
            for (var round = 0; round < RoundsPerEndpoint; round++)
            {
                // Under SignalR's 32 KB message limit: a bigger message closes the connection by design (tested below).
                var args = Enumerable.Range(0, round % 3 == 0 ? arity + 1 : arity).Select(_ => payloads.Value())
                    .Select(v => JsonSerializer.Serialize(v).Length > 8000 ? "太长" : v).ToArray();
                try
                {
                    await hub.InvokeCoreAsync(name, typeof(JsonElement), args);
                }
                catch (HubException)
                {
                    // A clear refusal is fine; a dropped connection is not.
                }
                calls++;
            }
        }
        output.WriteLine($"{calls} hub calls");
        Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, desk.Connection.State);
        Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, live.State);
        Assert.True((await desk.Call<JsonElement>("Join", "no-such-programme")).Error is not null);
        Assert.False(stack.Api.Process!.HasExited);
        Assert.False(stack.Silos[0].Process!.HasExited);
    }

    [Fact]
    public async Task OversizedHubMessage_ClosesOnlyThatConnection()
    {
        await using var victim = await DeskClient.ConnectAsync(stack.Api, await Tokens.ViewerAsync(stack.Api));
        await using var bystander = await DeskClient.ConnectAsync(stack.Api, null);
        await Assert.ThrowsAnyAsync<Exception>(() => victim.Connection.InvokeCoreAsync("Join", typeof(JsonElement), [new string('问', 70_000)]));
        Assert.True((await bystander.Call<JsonElement>("Join", "no-such-programme")).Error is not null);
        Assert.False(stack.Api.Process!.HasExited);
    }
}

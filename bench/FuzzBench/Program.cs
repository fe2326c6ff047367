// Long fuzz run. Run: dotnet run -c Release --project bench/FuzzBench [-- --rounds 200 --seed 1]
// Every REST endpoint of the OpenAPI document and every hub method with malformed payloads (random JSON, wrong types,
// huge strings, unicode edge cases, bad ids); prints the status codes seen, every 5xx, and whether the processes live.
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using Realtime.Testing;

var rounds = Arg("--rounds", 200);
var seed = Arg("--seed", 1);
Console.WriteLine($"Fuzz run — {rounds} rounds per endpoint and hub method, seed {seed}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
await using var azurite = await Azurite.StartAsync();
var cluster = "fuzz-" + Guid.NewGuid().ToString("N")[..6];
await using var silo = new SiloProcess(azurite, cluster, demoProgrammes: true);
await silo.StartAsync();
await using var api = new LiveApiProcess(azurite, cluster);
await api.StartAsync();

var payloads = new Payloads(seed);
using var anyone = api.CreateClient();
using var admin = await api.AsAsync("admin");
var document = JsonDocument.Parse(await anyone.GetStringAsync("/openapi/v1.json"));
var statuses = new SortedDictionary<int, int>();
var failures = new List<string>();
var requests = 0;
foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
{
    foreach (var operation in path.Value.EnumerateObject())
    {
        var method = new HttpMethod(operation.Name.ToUpperInvariant());
        for (var round = 0; round < rounds; round++)
        {
            var url = Regex.Replace(path.Name, "{[^}]+}", _ => payloads.Id()) + "?state=" + payloads.Id() + "&by=" + payloads.Id() + "&q=" + payloads.Id();
            using var request = new HttpRequestMessage(method, url);
            if (method != HttpMethod.Get)
                request.Content = payloads.Body();
            try
            {
                var response = await (round % 2 == 0 ? admin : anyone).SendAsync(request);
                statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                if ((int)response.StatusCode >= 500)
                    failures.Add($"{method} {url} → {(int)response.StatusCode}");
            }
            catch (HttpRequestException ex)
            {
                failures.Add($"{method} {url} → {ex.Message}");
            }
            requests++;
        }
    }
}
Console.WriteLine($"REST: {requests} requests; status codes {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}; 5xx or broken: {failures.Count}");
foreach (var failure in failures.Take(20))
    Console.WriteLine("  " + failure);

await using var desk = await DeskClient.ConnectAsync(api, await Tokens.StaffAsync(api, "admin"));
string[] methods = ["Join", "Leave", "Submit", "Vote", "Withdraw", "Rate", "Moderate", "Approve", "Reject", "Edit", "Merge", "Note", "EnterCall",
    "Ban", "Reorder", "MarkNext", "PutOnAir", "MarkAnswered", "SendToFollowUp", "Pause", "Resume", "SetSlowMode"];
int calls = 0, refused = 0, reconnects = 0;
var client = desk;
foreach (var name in methods)
{
    for (var round = 0; round < rounds; round++)
    {
        var args2 = Enumerable.Range(0, 1 + round % 4).Select(_ => payloads.Value()).ToArray();
        try
        {
            await client.Connection.InvokeCoreAsync(name, typeof(JsonElement), args2);
        }
        catch (HubException)
        {
            refused++;
        }
        catch (Exception)
        {
            // An oversized message closes the connection by design; open another and go on.
            reconnects++;
            client = await DeskClient.ConnectAsync(api, await Tokens.StaffAsync(api, "admin"));
        }
        calls++;
    }
}
var healthy = (await anyone.GetAsync("/health/ready")).IsSuccessStatusCode;
Console.WriteLine($"hub: {calls} calls, {refused} refused with a hub error, {reconnects} connections closed (oversized messages)");
Console.WriteLine($"processes alive: LiveApi {!api.Process!.HasExited}, silo {!silo.Process!.HasExited}; LiveApi ready afterwards: {healthy}");
return failures.Count == 0 && healthy ? 0 : 1;

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
}

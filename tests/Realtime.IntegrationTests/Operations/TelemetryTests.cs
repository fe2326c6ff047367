using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Realtime.Contracts.Questions;
using Realtime.Testing;

namespace Realtime.IntegrationTests.Operations;

/// <summary>What an operator sees: one trace from a hub call to the grain and storage, metrics that move, clean logs.</summary>
[Collection(TelemetryStackCollection.Name)]
public sealed partial class TelemetryTests(TelemetryStack stack)
{
    [Fact]
    public async Task HubSubmit_IsOneTrace_FromLiveApiThroughTheGrainCallToStorage()
    {
        var programme = await stack.Api.LiveProgrammeAsync("可观测性测试：追踪", ["210102"]);
        await using var viewer = await DeskClient.ConnectAsync(stack.Api, await Tokens.ViewerAsync(stack.Api));
        var reply = await viewer.Submit(programme, "请问追踪测试的问题怎么处理？");
        Assert.True(reply.Ok, reply.Error?.Message);

        var trace = await Eventually.Until(() => Task.FromResult(Traces().FirstOrDefault(IsEndToEnd)), t => t is not null,
            "one trace holding the hub call on LiveApi, the desk grain call on the silo and its storage write", TimeSpan.FromSeconds(60));
        Assert.Contains(trace!, s => s.Service == "liveapi" && s.Name.Contains("Submit", StringComparison.Ordinal));
        Assert.Contains(trace!, s => s.Service == "silo" && s.Name.Contains("QuestionDesk", StringComparison.Ordinal));

        static bool IsEndToEnd(ReceivedSpan[] spans) =>
            spans.Any(s => s.Service == "liveapi" && s.Name.Contains("Submit", StringComparison.Ordinal))
            && spans.Any(s => s.Service == "silo" && s.Name.Contains("QuestionDesk", StringComparison.Ordinal))
            && spans.Any(s => s.Service == "silo" && s.Scope.StartsWith("Azure", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_AfterASubmitAndItsPush_TheNamedSeriesExistAndMove()
    {
        using var scraper = new HttpClient();
        var before = Values(await scraper.GetStringAsync(stack.Api.MetricsAddress));
        var programme = await stack.Api.LiveProgrammeAsync("可观测性测试：指标", ["210102"]);
        await using var viewer = await DeskClient.ConnectAsync(stack.Api, await Tokens.ViewerAsync(stack.Api));
        Assert.True((await viewer.Call<ViewerSnapshot>("Join", programme)).Ok);
        Assert.True((await viewer.Submit(programme, "请问指标测试的问题怎么处理？")).Ok);

        var after = await Eventually.Until(async () => Values(await scraper.GetStringAsync(stack.Api.MetricsAddress)),
            v => Get(v, "realtime_push_events_total{event=\"DeskChanged\"}") > Get(before, "realtime_push_events_total{event=\"DeskChanged\"}"),
            "the desk push counted on LiveApi's /metrics");
        Assert.True(Get(after, "realtime_desk_requests_total{action=\"submit\",outcome=\"ok\"}") > Get(before, "realtime_desk_requests_total{action=\"submit\",outcome=\"ok\"}"));
        Assert.True(Get(after, "realtime_desk_ack_duration_seconds_count{action=\"submit\"}") > Get(before, "realtime_desk_ack_duration_seconds_count{action=\"submit\"}"));
        Assert.True(Get(after, "realtime_live_connections") >= 1);
        Assert.Contains(after.Keys, k => k.StartsWith("kestrel_", StringComparison.Ordinal));
        Assert.Contains(after.Keys, k => k.StartsWith("signalr_", StringComparison.Ordinal));

        var silo = Values(await scraper.GetStringAsync($"http://127.0.0.1:{stack.Silos[0].DashboardPort}/metrics"));
        Assert.Contains(silo.Keys, k => k.StartsWith("orleans_", StringComparison.Ordinal));
        Assert.Contains(silo.Keys, k => k.StartsWith("dotnet_gc_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Logs_AtInformation_NeverHoldQuestionTextNamesOrPhoneNumbers()
    {
        const string text = "请问日志隐私测试专用问题内容ZXQ是否会出现在日志里？";
        const string name = "日志测试昵称QWZ";
        const string caller = "王日志测试 13987654321";
        var programme = await stack.Api.LiveProgrammeAsync("可观测性测试：日志", ["210102"]);
        using var http = stack.Api.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", await Tokens.ViewerAsync(stack.Api));
        var asked = await (await http.PostAsJsonAsync($"/api/programmes/{programme}/questions",
            new { requestId = "r1", text, displayName = name, communityCode = "210102001001" })).ReadAsync<SubmitOutcome>();
        using var admin = await stack.Api.AsAsync("admin");
        (await admin.PostAsJsonAsync($"/api/programmes/{programme}/moderation", new { type = "reject", questionId = asked.Question!.Id, reason = text })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/programmes/{programme}/moderation", new
        {
            type = "enter-call", requestId = "c1", source = "Phone", callerName = caller, text, communityCode = "210102001001",
        })).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/programmes/{programme}/end", null)).EnsureSuccessStatusCode();
        await Task.Delay(TimeSpan.FromSeconds(2)); // let the follow-up and counters run, and their logs be written

        foreach (var process in new[] { stack.Api.Process!, stack.Silos[0].Process! })
        {
            foreach (var secret in new[] { "ZXQ", "QWZ", "13987654321", "王日志测试" })
                Assert.False(process.Printed(secret), $"{process.Name} logged personal text ({secret}):\n{process.Tail()}");
        }
    }

    [Fact]
    public async Task AlertsAndDashboard_ReferOnlyToSeriesTheProcessesExport()
    {
        // Some activity first, so the desk's series exist.
        var programme = await stack.Api.LiveProgrammeAsync("可观测性测试：告警", ["210102"]);
        await using var viewer = await DeskClient.ConnectAsync(stack.Api, await Tokens.ViewerAsync(stack.Api));
        Assert.True((await viewer.Call<ViewerSnapshot>("Join", programme)).Ok);
        Assert.True((await viewer.Submit(programme, "请问告警规则测试怎么做？")).Ok);
        using var scraper = new HttpClient();
        var exported = await Eventually.Until(async () =>
            Values(await scraper.GetStringAsync(stack.Api.MetricsAddress)).Keys
                .Concat(Values(await scraper.GetStringAsync($"http://127.0.0.1:{stack.Silos[0].DashboardPort}/metrics")).Keys)
                .Select(k => k.Split('{')[0]).ToHashSet(),
            names => names.Contains("realtime_push_fanout_duration_seconds_bucket"), "the push series on LiveApi");

        // Series that only appear once what they count happens, or that workers export (checked by the media tests).
        string[] lazy = ["orleans_gateway_load_shedding_total", "realtime_transcode_speed_bucket", "up"];
        var folder = Path.Combine(RepoPaths.Root, "deploy", "observability");
        var used = MetricName().Matches(File.ReadAllText(Path.Combine(folder, "alerts.yml")) + File.ReadAllText(Path.Combine(folder, "grafana-dashboard.json")))
            .Select(m => m.Value).Distinct().ToList();
        Assert.Contains("realtime_desk_ack_duration_seconds_bucket", used);
        foreach (var name in used.Except(lazy))
            Assert.True(exported.Contains(name), $"{name} is used by an alert or a panel but no process exports it");
    }

    [GeneratedRegex(@"\b(?:realtime|orleans|http_client)_[a-z_]+\b|\bup\b(?=\{|\s*==)")]
    private static partial Regex MetricName();

    private ReceivedSpan[][] Traces() => [.. stack.Collector.Spans.GroupBy(s => s.TraceId).Select(g => g.ToArray())];

    /// <summary>Prometheus text → series (name with labels) → value.</summary>
    private static Dictionary<string, double> Values(string exposition)
    {
        var values = new Dictionary<string, double>();
        foreach (Match m in Sample().Matches(exposition))
            values[m.Groups["series"].Value] = double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
        return values;
    }

    /// <summary>
    /// The sum over the series of a metric whose labels include the given ones, e.g.
    /// <c>realtime_desk_requests_total{action="submit",outcome="ok"}</c> (the exporter adds otel_scope_name and others).
    /// </summary>
    private static double Get(Dictionary<string, double> values, string selector)
    {
        var brace = selector.IndexOf('{', StringComparison.Ordinal);
        var name = brace < 0 ? selector : selector[..brace];
        var wanted = brace < 0 ? [] : selector[(brace + 1)..].TrimEnd('}').Split(',', StringSplitOptions.RemoveEmptyEntries);
        return values.Where(kv => (kv.Key == name || kv.Key.StartsWith(name + "{", StringComparison.Ordinal))
                && wanted.All(label => kv.Key.Contains(label, StringComparison.Ordinal)))
            .Sum(kv => kv.Value);
    }

    [GeneratedRegex(@"^(?<series>[a-zA-Z_:][^ ]*) (?<value>[-+0-9.eE]+|NaN)(?: \d+)?$", RegexOptions.Multiline)]
    private static partial Regex Sample();
}

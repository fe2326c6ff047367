using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Grpc.Core;
using Grpc.Net.Client;
using Realtime.Media.Grpc;
using Realtime.Testing;

namespace Realtime.IntegrationTests.Trust;

/// <summary>Security headers, request size, the gRPC port, CSV cells, direction controls, and the sealed upload.</summary>
[Collection(TrustStackCollection.Name)]
public sealed partial class EdgeTests(TrustStack stack)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/programme.html")]
    [InlineData("/console.html")]
    [InlineData("/api/districts")]
    public async Task EveryAnswer_CarriesCspNosniffFrameAncestorsAndReferrerPolicy(string path)
    {
        var response = await stack.Api.CreateClient().GetAsync(path);
        response.EnsureSuccessStatusCode();
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("frame-ancestors 'self'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public void Pages_HaveNoInlineScriptHandlerOrStyle_SoTheCspCanForbidThem()
    {
        var pages = Directory.GetFiles(Path.Combine(RepoPaths.Root, "LiveApi", "wwwroot"), "*.html");
        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            var html = File.ReadAllText(page);
            Assert.False(InlineScript().IsMatch(html), $"{Path.GetFileName(page)} has an inline <script>");
            Assert.False(InlineHandler().IsMatch(html), $"{Path.GetFileName(page)} has an on…= handler attribute");
            Assert.False(InlineStyle().IsMatch(html), $"{Path.GetFileName(page)} has a style= attribute");
        }
    }

    [Fact]
    public async Task JsonBody_Past64KiB_Is413WithAChineseMessage_SmallerOnesAreRead()
    {
        using var http = stack.Api.CreateClient();
        var big = await http.PostAsync("/api/auth/login", new StringContent($$"""{"name":"admin","password":"{{new string('x', 70_000)}}"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        var bigBody = await big.Content.ReadAsStringAsync();
        Assert.True(bigBody.Contains("请求正文过大：最多 64 KiB", StringComparison.Ordinal), bigBody);
        var small = await http.PostAsync("/api/auth/login", new StringContent($$"""{"name":"nobody","password":"{{new string('x', 60_000)}}"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, small.StatusCode);
    }

    [Fact]
    public async Task GrpcPort_ServesGrpcOnly_RestAndPagesAre404There()
    {
        using var h2c = new HttpClient { BaseAddress = stack.Api.GrpcAddress, DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        Assert.Equal(HttpStatusCode.NotFound, (await h2c.GetAsync("/api/districts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await h2c.GetAsync("/index.html")).StatusCode);
        using var channel = GrpcChannel.ForAddress(stack.Api.GrpcAddress);
        var health = await new Grpc.Health.V1.Health.HealthClient(channel).CheckAsync(new Grpc.Health.V1.HealthCheckRequest());
        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    [Fact]
    public async Task CsvExport_CellThatLooksLikeAFormula_OpensAsText()
    {
        using var admin = await stack.Api.AsAsync("admin");
        const string title = "=HYPERLINK(\"http://evil.example\",\"点此领取补贴\")";
        var created = await (await admin.PostAsJsonAsync("/api/programmes", ApiClient.ProgrammeBody(title, ["210103"]), ApiClient.Json)).ReadAsync<JsonElement>();
        var programme = created.GetProperty("id").GetString()!;
        (await admin.PostAsync($"/api/programmes/{programme}/live", null)).EnsureSuccessStatusCode();
        using var viewer = Loopback.From("127.0.0.61", stack.Api.BaseAddress);
        viewer.DefaultRequestHeaders.Authorization = new("Bearer", (await (await viewer.PostAsync("/api/auth/viewer", null)).ReadAsync<JsonElement>()).GetProperty("accessToken").GetString());
        (await viewer.PostAsJsonAsync($"/api/programmes/{programme}/questions", new { requestId = "r1", text = "请问补贴怎么领？", communityCode = "210103001001" })).EnsureSuccessStatusCode();

        var month = Realtime.Contracts.Reports.StatsKeys.Month(DateTimeOffset.UtcNow);
        var csv = await Eventually.Until(() => admin.GetStringAsync($"/api/reports/{month}/csv?by=programme"),
            text => text.Contains(programme, StringComparison.Ordinal), "the programme's row in the CSV");
        var row = csv.Split('\n').Single(l => l.Contains(programme, StringComparison.Ordinal));
        Assert.Contains(",\"'=HYPERLINK(", row);
        Assert.DoesNotContain(",=HYPERLINK", row);
    }

    [Fact]
    public async Task DirectionControls_InNamesTitlesQuestionsAndFileNames_AreRefusedNamingTheField()
    {
        using var admin = await stack.Api.AsAsync("admin");
        var title = await admin.PostAsJsonAsync("/api/programmes", ApiClient.ProgrammeBody("节目\u202E标题", ["210103"]), ApiClient.Json);
        Assert.Equal((HttpStatusCode.BadRequest, "title"), (title.StatusCode, await FieldOf(title)));

        var programme = await stack.Api.LiveProgrammeAsync("方向控制字符测试", ["210103"]);
        using var viewer = Loopback.From("127.0.0.62", stack.Api.BaseAddress);
        viewer.DefaultRequestHeaders.Authorization = new("Bearer", (await (await viewer.PostAsync("/api/auth/viewer", null)).ReadAsync<JsonElement>()).GetProperty("accessToken").GetString());
        var name = await viewer.PostAsJsonAsync($"/api/programmes/{programme}/questions",
            new { requestId = "r1", text = "请问低保怎么申请？", displayName = "李\u202Egnaw", communityCode = "210103001001" });
        Assert.Equal((HttpStatusCode.BadRequest, "displayName"), (name.StatusCode, await FieldOf(name)));
        var text = await viewer.PostAsJsonAsync($"/api/programmes/{programme}/questions",
            new { requestId = "r2", text = "请问\u2067低保\u2069怎么申请？", communityCode = "210103001001" });
        Assert.Equal((HttpStatusCode.BadRequest, "text"), (text.StatusCode, await FieldOf(text)));
        (await admin.PostAsync($"/api/programmes/{programme}/end", null)).EnsureSuccessStatusCode();
        var file = await admin.PostAsJsonAsync($"/api/programmes/{programme}/recordings", new { fileName = "录像\u202E4pm.exe.mp4", sizeBytes = 1000 });
        Assert.Equal((HttpStatusCode.BadRequest, "fileName"), (file.StatusCode, await FieldOf(file)));
        var desk = await admin.GetStringAsync($"/api/programmes/{programme}/moderation");
        Assert.Contains("\"total\":0", desk);
    }

    [Fact]
    public async Task Upload_AfterComplete_TheSasCannotChangeWhatTheJobReads()
    {
        using var admin = await stack.Api.AsAsync("admin");
        var programme = await stack.Api.LiveProgrammeAsync("上传封存测试", ["210104"]);
        (await admin.PostAsync($"/api/programmes/{programme}/end", null)).EnsureSuccessStatusCode();
        var original = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7)).ToArray();
        var ticket = await (await admin.PostAsJsonAsync($"/api/programmes/{programme}/recordings",
            new { fileName = "封存.mp4", sizeBytes = original.Length, contentType = "video/mp4" })).ReadAsync<JsonElement>();
        var uploadUrl = ticket.GetProperty("uploadUrl").GetString()!;
        var recording = ticket.GetProperty("session").GetProperty("recordingId").GetString()!;
        var blockSize = ticket.GetProperty("session").GetProperty("blockSize").GetInt32();
        var blockIds = ticket.GetProperty("blockIds").EnumerateArray().Select(b => b.GetString()!).ToArray();
        using var storage = new HttpClient();
        for (var i = 0; i < blockIds.Length; i++)
        {
            var block = original.Skip(i * blockSize).Take(blockSize).ToArray();
            (await storage.PutAsync($"{uploadUrl}&comp=block&blockid={Uri.EscapeDataString(blockIds[i])}", new ByteArrayContent(block))).EnsureSuccessStatusCode();
        }
        (await admin.PostAsync($"/api/recordings/{recording}/complete", null)).EnsureSuccessStatusCode();

        // Whoever kept the (still valid) upload SAS rewrites the source after "complete".
        var evil = Convert.ToBase64String(Encoding.ASCII.GetBytes("block-999999"));
        (await storage.PutAsync($"{uploadUrl}&comp=block&blockid={Uri.EscapeDataString(evil)}", new ByteArrayContent(Encoding.ASCII.GetBytes("tampered")))).EnsureSuccessStatusCode();
        (await storage.PutAsync($"{uploadUrl}&comp=blocklist", new StringContent($"<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList><Latest>{evil}</Latest></BlockList>"))).EnsureSuccessStatusCode();

        // No new upload address once complete; the job reads the snapshot taken at "complete".
        var resumed = await (await admin.GetAsync($"/api/recordings/{recording}")).ReadAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, resumed.GetProperty("uploadUrl").ValueKind);
        using var channel = GrpcChannel.ForAddress(stack.Api.GrpcAddress);
        var worker = new MediaJobs.MediaJobsClient(channel);
        var lease = await worker.LeaseAsync(new LeaseRequest { WorkerId = "test-sealed" }, new Metadata { { "x-worker-key", WorkerProcess.Key } });
        Assert.Contains("snapshot=", lease.Job.SourceUrl);
        Assert.Equal(original, await storage.GetByteArrayAsync(lease.Job.SourceUrl));
    }

    private static async Task<string?> FieldOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("field", out var field) ? field.GetString() : null;

    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    [GeneratedRegex(@"\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyle();
}

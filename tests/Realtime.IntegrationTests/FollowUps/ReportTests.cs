using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Realtime.Contracts.Questions;
using Realtime.Contracts.Reports;
using Realtime.IntegrationTests.Foundation;
using Realtime.Testing;

namespace Realtime.IntegrationTests.FollowUps;

/// <summary>月报: counters after two programmes with known numbers, the CSV, the transparency page, who may read what.</summary>
[Collection(SharedStackCollection.Name)]
public sealed class ReportTests(SharedStack stack) : IAsyncLifetime
{
    private sealed record Row(string Key, string Name, StatsCounters Counters, double? Satisfaction);

    [Fact]
    public async Task TwoProgrammesWithKnownNumbers_ReportsCsvAndRejectionsAddUp()
    {
        // Other tests share the stack (and the month): every figure is asserted as a change from what was there before.
        var month = StatsKeys.Month(DateTimeOffset.UtcNow);
        using var anyone = stack.Api.CreateClient();
        var before = await Rows(anyone, month, "district");
        var departmentsBefore = await Rows(anyone, month, "department");
        using var admin = await stack.Api.AsAsync("admin");
        await using var host = await DeskClient.ConnectAsync(stack.Api, await Tokens.StaffAsync(stack.Api, "host"));

        // 苏家屯区 / 林业局: two answered on air (their askers rate 5 and 3), two rejected (one with a free-text reason,
        // counted as "其他"), one approved and left to follow-up at the end.
        var first = await Programme(admin, "210111");
        var q1 = await Ask(first, "210111001001", "forestry", "请问林权证怎么办理？");
        var q2 = await Ask(first, "210111001001", "forestry", "重复的问题：林权证");
        var q3 = await Ask(first, "210111001002", "forestry", "请问退耕还林补贴标准？");
        var q4 = await Ask(first, "210111001002", "forestry", "和林业无关的问题");
        var q8 = await Ask(first, "210111001002", "forestry", "请问林下经济有什么扶持政策？");
        await Do(host, "Approve", first, q1); await Do(host, "PutOnAir", first, q1); await Do(host, "MarkAnswered", first, q1);
        await Do(host, "Approve", first, q8); await Do(host, "PutOnAir", first, q8); await Do(host, "MarkAnswered", first, q8);
        await Do(host, "Reject", first, q2, "与已播出的问题重复，见第一个问题");
        await Do(host, "Approve", first, q3);
        await Do(host, "Reject", first, q4, "与本期节目主题无关");
        Assert.True((await _askers[(first, q1)].Call<PublicQuestion>("Rate", first, q1, 5, null)).Ok);
        Assert.True((await _askers[(first, q8)].Call<PublicQuestion>("Rate", first, q8, 3, null)).Ok);
        (await admin.PostAsync($"/api/programmes/{first}/end", null)).EnsureSuccessStatusCode();

        // 浑南区 / 水利局: one answered on air (rated 4), one sent to follow-up straight from pending, one left at the end.
        var second = await Programme(admin, "210112");
        var q5 = await Ask(second, "210112001001", "water", "请问河道治理什么时候开工？");
        var q6 = await Ask(second, "210112001001", "water", "请问农田灌溉用水怎么收费？");
        var q7 = await Ask(second, "210112001002", "water", "请问防汛物资在哪里领取？");
        await Do(host, "Approve", second, q5); await Do(host, "PutOnAir", second, q5); await Do(host, "MarkAnswered", second, q5);
        await Do(host, "SendToFollowUp", second, q6);
        await Do(host, "Approve", second, q7);
        Assert.True((await _askers[(second, q5)].Call<PublicQuestion>("Rate", second, q5, 4, "很及时")).Ok);
        (await admin.PostAsync($"/api/programmes/{second}/end", null)).EnsureSuccessStatusCode();

        var districts = await Eventually.Until(
            () => Rows(anyone, month, "district"),
            rows => Change(rows, before, "210112").FollowedUp == 2 && Change(rows, before, "210111").Ratings == 2,
            "the district counters after both programmes");
        var sujiatun = Change(districts, before, "210111");
        Assert.Equal("苏家屯区", districts.Single(r => r.Key == "210111").Name);
        Assert.Equal((5, 3, 2, 1, 2, 2), (sujiatun.Received, sujiatun.Approved, sujiatun.AnsweredOnAir,
            sujiatun.FollowedUp, sujiatun.Rejected, sujiatun.Ratings));
        Assert.Equal(8, sujiatun.RatingSum); // 5 + 3: satisfaction 4.0
        var hunnan = Change(districts, before, "210112");
        Assert.Equal((3, 2, 1, 2, 0, 1), (hunnan.Received, hunnan.Approved, hunnan.AnsweredOnAir,
            hunnan.FollowedUp, hunnan.Rejected, hunnan.Ratings));

        var departments = await Rows(anyone, month, "department");
        Assert.Equal(5, Change(departments, departmentsBefore, "forestry").Received);
        Assert.Equal(2, Change(departments, departmentsBefore, "water").FollowedUp);
        var programmes = await (await anyone.GetAsync($"/api/reports/{month}?by=programme")).ReadAsync<Row[]>();
        Assert.Equal(2, programmes.Single(r => r.Key == first).Counters.Rejected);

        // The CSV parses back to the same numbers as the report read at the same moment.
        var expected = (await Rows(anyone, month, "district")).Single(r => r.Key == "210111");
        var csvResponse = await anyone.GetAsync($"/api/reports/{month}/csv?by=district");
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF')
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines[0].Split(',');
        var row = lines.Select(l => l.Split(',')).Single(f => f[1] == "210111");
        int Field(string name) => int.Parse(row[Array.IndexOf(header, name)]);
        var c = expected.Counters;
        Assert.Equal((c.Received, c.Approved, c.AnsweredOnAir, c.FollowedUp, c.Rejected, c.Ratings),
            (Field("received"), Field("approved"), Field("answered_on_air"), Field("followed_up"), Field("rejected"), Field("ratings")));
        Assert.Equal("苏家屯区", row[2]);
        Assert.Equal(c.Satisfaction!.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), row[Array.IndexOf(header, "satisfaction")]);

        var reasons = await (await anyone.GetAsync($"/api/reports/{month}/rejections")).ReadAsync<ReportsReason[]>();
        Assert.True(reasons.Single(r => r.Reason == "其他").Count >= 1);
        Assert.True(reasons.Single(r => r.Reason == "与本期节目主题无关").Count >= 1);
        Assert.DoesNotContain(reasons, r => r.Reason.Contains("见第一个问题", StringComparison.Ordinal)); // free text stays internal
    }

    private sealed record ReportsReason(string Reason, int Count);

    [Theory]
    [InlineData("/api/reports/2026-13?by=district", "month")]
    [InlineData("/api/reports/latest?by=district", "month")]
    [InlineData("/api/reports/2026-11?by=planet", "by")]
    public async Task Report_BadMonthOrScope_Returns400NamingIt(string url, string field)
    {
        var response = await stack.Api.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"field\":\"{field}\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DepartmentEndpoints_AnonymousViewerAndScreenerAreRefused_DepartmentUsersCannotModerate()
    {
        using var anonymous = stack.Api.CreateClient();
        using var viewer = stack.Api.CreateClient();
        viewer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Tokens.ViewerAsync(stack.Api));
        using var screener = await stack.Api.AsAsync("screener");
        using var minzheng = await stack.Api.AsAsync("minzheng");
        foreach (var (client, expected) in new[] { (anonymous, HttpStatusCode.Unauthorized), (viewer, HttpStatusCode.Forbidden), (screener, HttpStatusCode.Forbidden) })
        {
            Assert.Equal(expected, (await client.GetAsync("/api/departments/civil-affairs/cases")).StatusCode);
            Assert.Equal(expected, (await client.PostAsJsonAsync("/api/followups/p-x.1/answer", new { text = "答复" })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await minzheng.GetAsync("/api/programmes/p-x/moderation")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/programmes/p-x/questions/1/rating", new { score = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await minzheng.PostAsJsonAsync("/api/followups/p-x.999/answer", new { text = "答复" })).StatusCode);
    }

    private static async Task<Row[]> Rows(HttpClient client, string month, string by) =>
        await (await client.GetAsync($"/api/reports/{month}?by={by}")).ReadAsync<Row[]>();

    /// <summary>What a scope's counters gained since <paramref name="before"/> (a scope not listed then counts from zero).</summary>
    private static StatsCounters Change(Row[] now, Row[] before, string key)
    {
        var was = before.SingleOrDefault(r => r.Key == key)?.Counters ?? StatsCounters.Zero;
        var c = now.Single(r => r.Key == key).Counters;
        return new StatsCounters(c.Received - was.Received, c.Approved - was.Approved, c.AnsweredOnAir - was.AnsweredOnAir,
            c.FollowedUp - was.FollowedUp, c.FollowUpAnswered - was.FollowUpAnswered, c.Overdue - was.Overdue,
            c.Rejected - was.Rejected, c.Ratings - was.Ratings, c.RatingSum - was.RatingSum, c.RejectedByReason);
    }

    private async Task<DeskClient> Viewer() => await DeskClient.ConnectAsync(stack.Api, await Tokens.ViewerAsync(stack.Api));

    private static async Task<string> Programme(HttpClient admin, string district)
    {
        var programme = await admin.ScheduleAsync("月报测试", [district]);
        (await admin.PostAsync($"/api/programmes/{programme.Id}/live", null)).EnsureSuccessStatusCode();
        return programme.Id;
    }

    /// <summary>Each question's asker stays connected: only the asker may rate the answer.</summary>
    private readonly Dictionary<(string Programme, long Question), DeskClient> _askers = [];

    private async Task<long> Ask(string programme, string community, string department, string text)
    {
        var asker = await Viewer();
        var reply = await asker.Submit(programme, text, community: community, department: department, topic: null);
        Assert.True(reply.Ok, reply.Error?.Message);
        _askers[(programme, reply.Value!.Question!.Id)] = asker;
        return reply.Value.Question.Id;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var asker in _askers.Values)
            await asker.DisposeAsync();
    }

    private static async Task Do(DeskClient host, string method, string programme, long id, string? reason = null)
    {
        var reply = reason is null ? await host.Call<DeskStatus>(method, programme, id) : await host.Call<DeskStatus>(method, programme, id, reason);
        Assert.True(reply.Ok, $"{method} #{id}: {reply.Error?.Message}");
    }
}

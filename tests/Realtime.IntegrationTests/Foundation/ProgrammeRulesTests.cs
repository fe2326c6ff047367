using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Realtime.Contracts.Programmes;
using Realtime.Testing;

namespace Realtime.IntegrationTests.Foundation;

/// <summary>Every invalid transition and bad input is refused with a clear error and changes nothing.</summary>
[Collection(SharedStackCollection.Name)]
public sealed class ProgrammeRulesTests(SharedStack stack)
{
    [Fact]
    public async Task Transitions_NotAllowedInTheCurrentState_Return409NamingTheState_AndChangeNothing()
    {
        using var admin = await stack.Api.AsAsync("admin");
        var scheduled = await admin.ScheduleAsync("状态测试：未开始");
        await AssertRefused(admin, scheduled.Id, "end", "Scheduled");
        await AssertRefused(admin, scheduled.Id, "archive", "Scheduled");

        var live = await admin.ScheduleAsync("状态测试：直播中");
        (await admin.PostAsync($"/api/programmes/{live.Id}/live", null)).EnsureSuccessStatusCode();
        await AssertRefused(admin, live.Id, "live", "Live");
        await AssertRefused(admin, live.Id, "archive", "Live");

        (await admin.PostAsync($"/api/programmes/{live.Id}/end", null)).EnsureSuccessStatusCode();
        await AssertRefused(admin, live.Id, "live", "Ended");
        await AssertRefused(admin, live.Id, "end", "Ended");

        var archived = await (await admin.PostAsync($"/api/programmes/{live.Id}/archive", null)).ReadAsync<ProgrammeDetails>();
        Assert.Equal(ProgrammeState.Archived, archived.State);
        await AssertRefused(admin, live.Id, "live", "Archived");
        await AssertRefused(admin, live.Id, "archive", "Archived");
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"series":"MinshengFaceToFace","title":"x" """, "" },
        { """{"series":"NoSuchSeries","title":"x"}""", "series" },
        { """{"series":"MinshengFaceToFace","scheduledStart":"2026-12-01T10:00:00+08:00"}""", "title" },
        { """{"series":"MinshengFaceToFace","title":"x","scheduledStart":"yesterday"}""", "scheduledStart" },
        { """{"series":"MinshengFaceToFace","title":"x","scheduledStart":"2026-12-01T10:00:00+08:00","scheduledEnd":"2026-12-01T11:00:00+08:00"}""", "districts" },
        { """{"series":"MinshengFaceToFace","title":"x","scheduledStart":"2026-12-01T10:00:00+08:00","scheduledEnd":"2026-12-01T11:00:00+08:00","districts":["999999"]}""", "districts[0]" },
        { """{"series":"MinshengFaceToFace","title":"x","scheduledStart":"2026-12-01T10:00:00+08:00","scheduledEnd":"2026-12-01T09:00:00+08:00","districts":["210102"]}""", "scheduledEnd" },
        { """{"series":"MinshengFaceToFace","title":"  ","scheduledStart":"2026-12-01T10:00:00+08:00","scheduledEnd":"2026-12-01T11:00:00+08:00","districts":["210102"]}""", "title" },
        { """{"series":"MinshengFaceToFace","title":"a\u0007b","scheduledStart":"2026-12-01T10:00:00+08:00","scheduledEnd":"2026-12-01T11:00:00+08:00","districts":["210102"]}""", "title" },
        { """{"series":"MinshengFaceToFace","title":"x","scheduledStart":"2026-12-01T10:00:00+08:00","scheduledEnd":"2026-12-01T11:00:00+08:00","districts":["210102"],"guests":[{"name":"王"}]}""", "guests[0].department" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Schedule_BadInput_Returns400NamingTheField_AndCreatesNothing(string body, string field)
    {
        using var admin = await stack.Api.AsAsync("admin");
        var before = await CountProgrammes(admin);

        var response = await admin.PostAsync("/api/programmes", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        if (field.Length > 0)
            Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(before, await CountProgrammes(admin));
    }

    [Fact]
    public async Task Schedule_TitleTooLong_Returns400_AndCreatesNothing()
    {
        using var admin = await stack.Api.AsAsync("admin");
        var before = await CountProgrammes(admin);
        var response = await admin.PostAsJsonAsync("/api/programmes", ApiClient.ProgrammeBody(new string('民', 101)), ApiClient.Json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"field\":\"title\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await CountProgrammes(admin));
    }

    [Theory]
    [InlineData("/api/districts/999999")]
    [InlineData("/api/districts/abc")]
    [InlineData("/api/districts/999999/communities")]
    [InlineData("/api/communities/210102999999")]
    [InlineData("/api/programmes/no-such-programme")]
    [InlineData("/api/programmes/BAD%20ID")]
    public async Task Get_UnknownId_Returns404ProblemDetails(string url)
    {
        var response = await stack.Api.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Transition_UnknownProgramme_Returns404()
    {
        using var admin = await stack.Api.AsAsync("admin");
        var response = await admin.PostAsync("/api/programmes/no-such-programme/live", null);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task AssertRefused(HttpClient admin, string id, string step, string state)
    {
        var before = await (await admin.GetAsync($"/api/programmes/{id}")).ReadAsync<ProgrammeDetails>();
        var response = await admin.PostAsync($"/api/programmes/{id}/{step}", null);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(state, problem.GetProperty("state").GetString());
        Assert.Contains(state, problem.GetProperty("detail").GetString());
        var after = await (await admin.GetAsync($"/api/programmes/{id}")).ReadAsync<ProgrammeDetails>();
        Assert.Equal(before.State, after.State);
        Assert.Equal(before.Version, after.Version);
    }

    private static async Task<int> CountProgrammes(HttpClient http) =>
        (await http.AllPagesAsync<ProgrammeSummary>("/api/programmes")).Count;
}

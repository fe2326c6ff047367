using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Realtime.Contracts.Programmes;
using Realtime.Testing;

namespace Realtime.IntegrationTests.History;

/// <summary>The paging contract: cursor + take, every item once across pages, and bad input refused naming the field.</summary>
[Collection(HistoryCollection.Name)]
public sealed class PagingTests(HistoryStack stack)
{
    [Fact]
    public async Task PagingNewestFirst_WhileProgrammesArePublished_ReturnsEveryEarlierProgrammeExactlyOnce()
    {
        const string district = "210181"; // 新民市: only this test schedules there
        using var admin = await stack.Api.AsAsync("admin");
        var start = DateTimeOffset.UtcNow.AddMonths(-10);
        var before = (await HistoryClient.InParallel(120, 8, i => admin.ScheduleAtAsync($"分页节目 {i}", start.AddHours(i * 61), district)))
            .Select(p => p.Id).ToHashSet();

        var seen = new List<string>();
        string? cursor = null;
        var added = 0;
        do
        {
            var page = await (await admin.GetAsync($"/api/districts/{district}/programmes?take=7" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))))
                .ReadAsync<ApiClient.PageOf<ProgrammeSummary>>();
            Assert.True(page.Items.Length <= 7);
            seen.AddRange(page.Items.Select(p => p.Id));
            cursor = page.Next;
            // Meanwhile the schedule grows, before and after the position already read.
            await admin.ScheduleAtAsync($"分页期间新增 {added}", start.AddHours(added++ * 613 % (120 * 61)), district);
        }
        while (cursor is not null);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Empty(before.Except(seen));
    }

    [Fact]
    public async Task Window_LiveNextAndLastSevenDays_OlderOnesPagedBeforeIt()
    {
        const string district = "210124"; // 法库县
        using var admin = await stack.Api.AsAsync("admin");
        var now = DateTimeOffset.UtcNow;
        var old = await admin.ScheduleAtAsync("二十天前的节目", now.AddDays(-20), district);
        var recent = await admin.ScheduleAtAsync("两天前的节目", now.AddDays(-2), district);
        (await admin.PostAsync($"/api/programmes/{recent.Id}/live", null)).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/programmes/{recent.Id}/end", null)).EnsureSuccessStatusCode();
        var live = await admin.ScheduleAtAsync("正在直播", now.AddMinutes(-10), district);
        (await admin.PostAsync($"/api/programmes/{live.Id}/live", null)).EnsureSuccessStatusCode();
        var next = await admin.ScheduleAtAsync("三天后的节目", now.AddDays(3), district);
        var far = await admin.ScheduleAtAsync("一个月后的节目", now.AddDays(30), district);

        var window = await (await admin.GetAsync($"/api/programmes/window?district={district}")).ReadAsync<ProgrammeWindow>();
        Assert.Equal([live.Id], window.Live.Select(p => p.Id));
        Assert.Equal([next.Id], window.Upcoming.Select(p => p.Id));
        Assert.Equal([recent.Id], window.Recent.Select(p => p.Id));
        var older = await admin.AllPagesAsync<ProgrammeSummary>(
            $"/api/districts/{district}/programmes?order=desc&to={Uri.EscapeDataString(window.OlderBefore.ToString("O"))}");
        Assert.Equal([old.Id], older.Select(p => p.Id));
        var later = await admin.AllPagesAsync<ProgrammeSummary>($"/api/districts/{district}/programmes?order=asc&from={Uri.EscapeDataString(now.AddDays(7).ToString("O"))}");
        Assert.Equal([far.Id], later.Select(p => p.Id));
        var district_ = await (await admin.GetAsync($"/api/districts/{district}")).ReadAsync<Contracts.Districts.DistrictInfo>();
        Assert.Equal(new[] { live.Id, next.Id, recent.Id }.Order(), district_.Programmes.Select(p => p.Id).Order());
    }

    [Theory]
    [InlineData("/api/programmes?take=0", "take")]
    [InlineData("/api/programmes?take=101", "take")]
    [InlineData("/api/programmes?take=abc", "take")]
    [InlineData("/api/programmes?cursor=not-a-cursor", "cursor")]
    [InlineData("/api/programmes?month=2026-13", "month")]
    [InlineData("/api/programmes?month=1999-12", "month")]
    [InlineData("/api/programmes?order=sideways", "order")]
    [InlineData("/api/districts/210102/programmes?take=-1", "take")]
    [InlineData("/api/archive?take=500", "take")]
    [InlineData("/api/archive?month=26-1", "month")]
    [InlineData("/api/archive?cursor=%E4%B8%AD", "cursor")]
    [InlineData("/api/programmes/demo-x/followups?take=1000", "take")]
    public async Task BadPagingInput_Is400NamingTheField(string url, string field)
    {
        using var anyone = stack.Api.CreateClient();
        var response = await anyone.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task CursorOfAnotherQuery_IsRefused()
    {
        using var admin = await stack.Api.AsAsync("admin");
        for (var i = 0; i < 3; i++)
            await admin.ScheduleAtAsync($"游标测试 {i}", DateTimeOffset.UtcNow.AddDays(-40 - i), "210123");
        var page = await (await admin.GetAsync("/api/districts/210123/programmes?take=1")).ReadAsync<ApiClient.PageOf<ProgrammeSummary>>();
        Assert.NotNull(page.Next);
        var cursor = Uri.EscapeDataString(page.Next!);

        foreach (var other in new[] { $"/api/districts/210113/programmes?cursor={cursor}", $"/api/programmes?order=asc&cursor={cursor}",
                     $"/api/archive?cursor={cursor}", $"/api/departments/labour/cases?cursor={cursor}" })
        {
            var response = await admin.GetAsync(other);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("cursor", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        }
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/districts/210123/programmes?take=1&cursor={cursor}")).StatusCode);
    }
}

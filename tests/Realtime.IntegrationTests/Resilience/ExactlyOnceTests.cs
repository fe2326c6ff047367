using System.Collections.Concurrent;
using System.Net.Http.Json;
using Realtime.Contracts.FollowUps;
using Realtime.Contracts.Questions;
using Realtime.Contracts.Reports;
using Realtime.Testing;
using Xunit.Abstractions;

namespace Realtime.IntegrationTests.Resilience;

public sealed class ExactlyOnceStack : TestStack;

/// <summary>
/// Records derived from the desk — follow-up cases, their department's list, the report counters — are stored with the
/// rows that imply them and delivered until confirmed: a silo killed with SIGKILL right after a programme ends, while
/// viewers rate answers and a department answers cases, loses none and doubles none.
/// </summary>
public sealed class ExactlyOnceTests(ExactlyOnceStack stack, ITestOutputHelper output) : IClassFixture<ExactlyOnceStack>
{
    private const int Unanswered = 200;
    private sealed record Row(string Key, string Name, StatsCounters Counters, double? Satisfaction);

    [Fact]
    public async Task SiloKilledRightAfterTheEnd_EveryCaseOnce_AndEveryCounterEqualsARecountOfTheDesk()
    {
        using var admin = await stack.Api.AsAsync("admin");
        await using var host = await DeskClient.ConnectAsync(stack.Api, await Tokens.StaffAsync(stack.Api, "host"));

        // Programme B (于洪区, 民政局) has ended already: its cases are being answered in the burst below.
        var earlier = await stack.Api.LiveProgrammeAsync("先结束的节目", ["210114"]);
        for (var i = 0; i < 20; i++)
            await EnterCall(host, earlier, $"于洪区来电问题{i}：低保审批进度", "210114001001", "civil-affairs");
        (await admin.PostAsync($"/api/programmes/{earlier}/end", null)).EnsureSuccessStatusCode();
        var earlierCases = await Eventually.Until(() => Cases(earlier), c => c.Length == 20, "the 20 cases of the earlier programme");

        // Programme A (沈北新区, 人社局): ten viewers' questions answered on air, two hundred calls approved and not reached.
        var programme = await stack.Api.LiveProgrammeAsync("宕机不丢转办件", ["210113"]);
        var askers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ => await DeskClient.ConnectAsync(stack.Api, await Tokens.ViewerAsync(stack.Api))));
        var answered = new List<long>();
        for (var i = 0; i < askers.Length; i++)
        {
            var asked = await askers[i].Submit(programme, $"现场解答的问题{i}：社保卡怎么补办", community: "210113001001", department: "labour");
            var id = asked.Value!.Question!.Id;
            foreach (var step in new[] { "Approve", "PutOnAir", "MarkAnswered" })
                await Do(host, step, programme, id);
            answered.Add(id);
        }
        for (var i = 0; i < Unanswered; i++)
            await EnterCall(host, programme, $"没来得及解答的问题{i}：失业金申领", "210113001002", "labour");

        // The burst: the askers rate their answers and the department answers cases while the programme ends; then SIGKILL.
        using var minzheng = await stack.Api.AsAsync("minzheng");
        var ratingsAcknowledged = new ConcurrentBag<(long Question, int Score)>();
        var ratings = askers.Select((asker, r) => Task.Run(async () =>
        {
            try
            {
                var score = 1 + r % 5;
                if ((await asker.Call<PublicQuestion>("Rate", programme, answered[r], score, null)).Ok)
                    ratingsAcknowledged.Add((answered[r], score));
            }
            catch (Exception)
            {
                // the silo is gone: this rating was not acknowledged
            }
        })).ToList();
        var answersAcknowledged = 0;
        var answers = Task.Run(async () =>
        {
            foreach (var c in earlierCases)
            {
                try
                {
                    var response = await minzheng.PostAsJsonAsync($"/api/followups/{c.CaseId}/answer", new { text = "已转街道办理，十个工作日内答复。" });
                    if (response.IsSuccessStatusCode)
                        Interlocked.Increment(ref answersAcknowledged);
                }
                catch (Exception)
                {
                    // refused while the silo is down
                }
            }
        });
        await Eventually.Until(() => Task.FromResult((ratingsAcknowledged.Count, Volatile.Read(ref answersAcknowledged))),
            n => n.Item1 >= 3 && n.Item2 >= 3, "the burst under way");
        (await admin.PostAsync($"/api/programmes/{programme}/end", null)).EnsureSuccessStatusCode();
        await stack.Silos[0].KillAsync();
        await Task.WhenAll(ratings.Append(answers));
        foreach (var asker in askers)
            await asker.DisposeAsync();

        var replacement = new SiloProcess(stack.Azurite, stack.ClusterId);
        stack.Silos.Add(replacement);
        await replacement.StartAsync();

        // Every case of the programme exists once: in the programme's list, at its own link, in the department's list.
        var cases = await Eventually.Until(() => Cases(programme), c => c.Length == Unanswered, "the programme's 200 cases after the restart");
        Assert.Equal(Unanswered, cases.Select(c => c.CaseId).Distinct().Count());
        using var renshe = await stack.Api.AsAsync("renshe");
        var listed = await Eventually.Until(
            () => renshe.AllPagesAsync<FollowUpCase>("/api/departments/labour/cases?state=open"),
            l => cases.All(c => l.Any(d => d.CaseId == c.CaseId)), "every case in the department's list", TimeSpan.FromMinutes(3));
        Assert.Equal(listed.Count, listed.Select(c => c.CaseId).Distinct().Count());
        using var anyone = stack.Api.CreateClient();
        foreach (var c in cases.Take(20))
            Assert.Equal(c.QuestionId, (await (await anyone.GetAsync($"/api/followups/{c.CaseId}")).ReadAsync<FollowUpCase>()).QuestionId);

        // Every counter equals a recount of the rows the desks stored: nothing lost, nothing counted twice.
        var desk = await Snapshot(programme);
        foreach (var (id, score) in ratingsAcknowledged)
            Assert.True(desk.Questions.Single(q => q.Id == id).Ratings > 0, $"acknowledged rating {score} of #{id} kept");
        var other = await Snapshot(earlier);
        var month = StatsKeys.Month(DateTimeOffset.UtcNow);
        await Eventually.Until(() => Report(month, "programme"), rows => Matches(rows, programme, desk) && Matches(rows, earlier, other),
            "programme counters equal to the recount", TimeSpan.FromMinutes(3));
        await Eventually.Until(() => Report(month, "district"), rows => Matches(rows, "210113", desk) && Matches(rows, "210114", other),
            "district counters equal to the recount", TimeSpan.FromMinutes(3));
        var departments = await Eventually.Until(() => Report(month, "department"), rows => Matches(rows, "labour", desk) && Matches(rows, "civil-affairs", other),
            "department counters equal to the recount", TimeSpan.FromMinutes(3));
        var kept = other.Questions.Count(q => q.FollowUp?.Answer is not null);
        Assert.True(kept >= answersAcknowledged, $"{answersAcknowledged} written answers acknowledged, {kept} kept");
        output.WriteLine($"ratings acknowledged {ratingsAcknowledged.Count}, kept {desk.Questions.Sum(q => q.Ratings)}; " +
            $"written answers acknowledged {answersAcknowledged}, kept {kept} of 20; labour {departments.Single(r => r.Key == "labour").Counters.FollowedUp} followed up");
    }

    private static bool Matches(Row[] rows, string key, ModeratorSnapshot desk)
    {
        var q = desk.Questions;
        var expected = (q.Length, q.Count(x => x.Status != QuestionStatus.Pending), q.Count(x => x.Status == QuestionStatus.Answered),
            q.Count(x => x.Status == QuestionStatus.FollowUp), q.Count(x => x.FollowUp?.Answer is not null), q.Count(x => x.FollowUp?.Overdue == true),
            q.Sum(x => x.Ratings), q.Sum(x => x.RatingSum));
        var c = rows.SingleOrDefault(r => r.Key == key)?.Counters;
        return c is not null && (c.Received, c.Approved, c.AnsweredOnAir, c.FollowedUp, c.FollowUpAnswered, c.Overdue, c.Ratings, c.RatingSum) == expected;
    }

    private async Task<Row[]> Report(string month, string by)
    {
        var response = await stack.Api.CreateClient().GetAsync($"/api/reports/{month}?by={by}");
        if (!response.IsSuccessStatusCode)
            output.WriteLine(stack.Silos[^1].Process!.Tail());
        return await response.ReadAsync<Row[]>();
    }

    private async Task<FollowUpCase[]> Cases(string programme) =>
        [.. await stack.Api.CreateClient().AllPagesAsync<FollowUpCase>($"/api/programmes/{programme}/followups", take: 37)];

    private async Task<ModeratorSnapshot> Snapshot(string programme)
    {
        using var host = await stack.Api.AsAsync("host");
        return await Eventually.Until(async () => await (await host.GetAsync($"/api/programmes/{programme}/moderation")).ReadAsync<ModeratorSnapshot>(),
            s => s is not null, "the desk after the restart");
    }

    private static async Task<long> EnterCall(DeskClient screener, string programme, string text, string community, string department)
    {
        var call = new EnterCall(Guid.NewGuid().ToString("N"), QuestionSource.Phone, "来电市民", null, text, community, "再就业", department);
        var reply = await screener.Call<DeskStatus>("EnterCall", programme, call);
        Assert.True(reply.Ok, reply.Error?.Message);
        var log = await screener.Call<ModeratorSnapshot>("Moderate", programme);
        return log.Value!.Questions.Single(q => q.RequestId == call.RequestId).Id;
    }

    private static async Task Do(DeskClient host, string method, string programme, long id)
    {
        var reply = await host.Call<DeskStatus>(method, programme, id);
        Assert.True(reply.Ok, reply.Error?.Message);
    }
}

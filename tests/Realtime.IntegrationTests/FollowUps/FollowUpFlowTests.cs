using System.Net;
using System.Net.Http.Json;
using Realtime.Contracts.FollowUps;
using Realtime.Contracts.Questions;
using Realtime.IntegrationTests.Foundation;
using Realtime.Testing;

namespace Realtime.IntegrationTests.FollowUps;

/// <summary>转办: a question not reached on air goes to its department, is answered in writing, the asker sees it live.</summary>
[Collection(SharedStackCollection.Name)]
public sealed class FollowUpFlowTests(SharedStack stack)
{
    [Fact]
    public async Task ProgrammeEnds_DepartmentAnswersInWriting_AskerSeesItLive_AndBadAnswersAreRefused()
    {
        var (programme, admin) = await LiveProgramme(["210103"]);
        await using var asker = await DeskClient.ConnectAsync(stack.LiveApis[1], await Tokens.ViewerAsync(stack.LiveApis[1]));
        await using var screener = await DeskClient.ConnectAsync(stack.Api, await Tokens.StaffAsync(stack.Api, "screener"));
        await asker.Call<ViewerSnapshot>("Join", programme);
        var id = (await asker.Submit(programme, "请问高龄津贴怎么申请？", community: "210103001001", department: "civil-affairs", topic: "养老")).Value!.Question!.Id;
        var pending = (await asker.Submit(programme, "另一个还没审核的问题：社区停车", community: "210103001001", department: "civil-affairs")).Value!.Question!.Id;
        Assert.True((await screener.Call<DeskStatus>("Approve", programme, id)).Ok);

        (await admin.PostAsync($"/api/programmes/{programme}/end", null)).EnsureSuccessStatusCode();

        var followedUp = await DeskClient.Next(asker.Mine, q => q.Id == id && q.Status == QuestionStatus.FollowUp, "the asker sees 转办");
        Assert.Equal("civil-affairs", followedUp.FollowUp!.Department);
        var caseId = followedUp.FollowUp.CaseId;
        var cases = await (await admin.GetAsync($"/api/programmes/{programme}/followups")).ReadAsync<FollowUpCase[]>();
        Assert.Equal(caseId, Assert.Single(cases).CaseId);
        Assert.DoesNotContain(cases, c => c.QuestionId == pending);

        using var minzheng = await stack.Api.AsAsync("minzheng");
        using var renshe = await stack.Api.AsAsync("renshe");
        var listed = await Eventually.Until(
            async () => await (await minzheng.GetAsync("/api/departments/civil-affairs/cases")).ReadAsync<FollowUpCase[]>(),
            l => l.Any(c => c.CaseId == caseId), "the case in the department's list");
        Assert.True(listed.Single(c => c.CaseId == caseId).IsOpen);
        Assert.Equal(HttpStatusCode.Forbidden, (await renshe.GetAsync("/api/departments/civil-affairs/cases")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await renshe.PostAsJsonAsync($"/api/followups/{caseId}/answer", new { text = "不是我们部门" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await minzheng.PostAsJsonAsync($"/api/followups/{caseId}/answer", new { text = "  " })).StatusCode);
        var answer = "年满80周岁的老人可持身份证到户籍所在社区政务服务中心申请，10个工作日内办结。";
        (await minzheng.PostAsJsonAsync($"/api/followups/{caseId}/answer", new { text = answer })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Conflict, (await minzheng.PostAsJsonAsync($"/api/followups/{caseId}/answer", new { text = "再答一次" })).StatusCode);

        var live = await DeskClient.Next(asker.Mine, q => q.Id == id && q.FollowUp?.Answer is not null, "the written answer reaches the asker without reload");
        Assert.Equal(answer, live.FollowUp!.Answer);
        var link = await (await stack.LiveApis[1].CreateClient().GetAsync($"/api/followups/{caseId}")).ReadAsync<FollowUpCase>();
        Assert.Equal(answer, link.Info.Answer);
        Assert.Equal("民政局 办公室", link.Info.AnsweredBy);
    }

    [Fact]
    public async Task FollowUpNotAnsweredByTheDeadline_IsFlaggedOverdueByTheReminder()
    {
        var (programme, _) = await LiveProgramme(["210104"]);
        await using var asker = await DeskClient.ConnectAsync(stack.Api, await Tokens.ViewerAsync(stack.Api));
        await using var host = await DeskClient.ConnectAsync(stack.Api, await Tokens.StaffAsync(stack.Api, "host"));
        var id = (await asker.Submit(programme, "请问老旧小区加装电梯有补贴吗？", community: "210104001001", department: "housing")).Value!.Question!.Id;
        Assert.True((await host.Call<DeskStatus>("SendToFollowUp", programme, id)).Ok);

        var overdue = await DeskClient.Next(asker.Mine, q => q.Id == id && q.FollowUp?.Overdue == true, "the overdue flag (deadline 8 s in this stack)");
        Assert.Null(overdue.FollowUp!.Answer);
        var followUp = await (await stack.Api.CreateClient().GetAsync($"/api/followups/{overdue.FollowUp.CaseId}")).ReadAsync<FollowUpCase>();
        Assert.True(followUp.Info.Overdue);
    }

    [Fact]
    public async Task Rating_OnlyTheAsker_OnlyAnswered_Once_StaffAndOthersRefused()
    {
        var (programme, _) = await LiveProgramme(["210105"]);
        await using var asker = await DeskClient.ConnectAsync(stack.Api, await Tokens.ViewerAsync(stack.Api));
        await using var other = await DeskClient.ConnectAsync(stack.Api, await Tokens.ViewerAsync(stack.Api));
        await using var host = await DeskClient.ConnectAsync(stack.Api, await Tokens.StaffAsync(stack.Api, "host"));
        var id = (await asker.Submit(programme, "请问居民医保在哪里缴费？", community: "210105001001", department: "medical-insurance")).Value!.Question!.Id;

        var early = await asker.Call<PublicQuestion>("Rate", programme, id, 5, null);
        Assert.Equal(("InvalidState", "Pending"), (early.Error!.Kind, early.Error.State));
        await host.Call<DeskStatus>("Approve", programme, id);
        await host.Call<DeskStatus>("PutOnAir", programme, id);
        await host.Call<DeskStatus>("MarkAnswered", programme, id);
        Assert.Equal("Forbidden", (await other.Call<PublicQuestion>("Rate", programme, id, 1, null)).Error!.Kind);
        Assert.Equal("Forbidden", (await host.Call<PublicQuestion>("Rate", programme, id, 1, null)).Error!.Kind);
        Assert.Equal("score", (await asker.Call<PublicQuestion>("Rate", programme, id, 9, null)).Error!.Field);
        Assert.Equal(5.0, (await asker.Call<PublicQuestion>("Rate", programme, id, 5, "解答清楚")).Value!.AverageRating);
        Assert.Equal("InvalidState", (await asker.Call<PublicQuestion>("Rate", programme, id, 1, null)).Error!.Kind);
        var snapshot = (await other.Call<ViewerSnapshot>("Join", programme)).Value!;
        Assert.Equal((1, 5.0), (snapshot.Queue.Single(q => q.Id == id).Ratings, snapshot.Queue.Single(q => q.Id == id).AverageRating!.Value));
    }

    private async Task<(string Programme, HttpClient Admin)> LiveProgramme(string[] districts)
    {
        var admin = await stack.Api.AsAsync("admin");
        var programme = await admin.ScheduleAsync("转办测试", districts);
        (await admin.PostAsync($"/api/programmes/{programme.Id}/live", null)).EnsureSuccessStatusCode();
        return (programme.Id, admin);
    }
}

using Realtime.Contracts.Programmes;
using Realtime.Contracts.Questions;
using Realtime.IntegrationTests.Foundation;
using Realtime.Testing;

namespace Realtime.IntegrationTests.Desk;

/// <summary>Who receives what, on two LiveApi hosts, with real SignalR clients.</summary>
[Collection(SharedStackCollection.Name)]
public sealed class DeskPushTests(SharedStack stack)
{
    [Fact]
    public async Task Submit_ModeratorsOnTheOtherHostSeeIt_AskerSeesOwn_ViewersOnlyOnceApproved()
    {
        var programme = await LiveProgramme();
        await using var asker = await DeskClient.ConnectAsync(stack.LiveApis[0], await Tokens.ViewerAsync(stack.LiveApis[0]));
        await using var viewer = await DeskClient.ConnectAsync(stack.LiveApis[1], await Tokens.ViewerAsync(stack.LiveApis[1]));
        await using var screener = await DeskClient.ConnectAsync(stack.LiveApis[1], await Tokens.StaffAsync(stack.LiveApis[1], "screener"));
        await using var host = await DeskClient.ConnectAsync(stack.LiveApis[0], await Tokens.StaffAsync(stack.LiveApis[0], "host"));
        Assert.True((await asker.Call<ViewerSnapshot>("Join", programme)).Ok);
        Assert.True((await viewer.Call<ViewerSnapshot>("Join", programme)).Ok);
        Assert.True((await screener.Call<ModeratorSnapshot>("Moderate", programme)).Ok);
        Assert.True((await host.Call<ModeratorSnapshot>("Moderate", programme)).Ok);

        var submitted = await asker.Submit(programme, "请问今年城乡居民医保的缴费标准是多少？");
        Assert.True(submitted.Ok, submitted.Error?.Message);
        var id = submitted.Value!.Question!.Id;

        var staffSaw = await DeskClient.Next(screener.Staff, p => p.Questions.Any(q => q.Id == id), "the screener sees the new question");
        Assert.Equal(QuestionStatus.Pending, staffSaw.Questions.Single(q => q.Id == id).Status);
        Assert.StartsWith("viewer:", staffSaw.Questions.Single(q => q.Id == id).AskerId);
        await DeskClient.Next(host.Staff, p => p.Questions.Any(q => q.Id == id), "the host on the other LiveApi sees it too");

        Assert.True((await screener.Call<DeskStatus>("Note", programme, id, "提问人是退休教师，问题很典型")).Ok);
        Assert.True((await screener.Call<DeskStatus>("Approve", programme, id)).Ok);
        var approved = await DeskClient.Next(asker.Mine, q => q.Id == id && q.Status == QuestionStatus.Approved, "the asker learns it was approved");
        Assert.Equal(QuestionStatus.Approved, approved.Status);
        var publicPatch = await DeskClient.Next(viewer.PublicRaw, p => p.ToString().Contains($"\"id\":{id},"), "viewers see the approved question");
        Assert.DoesNotContain("退休教师", publicPatch.ToString());
        Assert.DoesNotContain("askerId", publicPatch.ToString(), StringComparison.OrdinalIgnoreCase);

        Assert.True((await host.Call<DeskStatus>("PutOnAir", programme, id)).Ok);
        var onAir = await DeskClient.Next(viewer.Public, p => p.Status.OnAir?.Id == id, "viewers see it on air");
        Assert.Equal("请问今年城乡居民医保的缴费标准是多少？", onAir.Status.OnAir!.Text);
        await DeskClient.Next(asker.Mine, q => q.Id == id && q.Status == QuestionStatus.OnAir, "the asker's badge turns to 正在解答");
        var log = await DeskClient.Next(screener.Staff, p => p.Log.Any(e => e.Action == "on-air"), "the moderation log reaches the other moderator");
        Assert.Equal("staff:host", log.Log.Single(e => e.Action == "on-air").ActorId);
    }

    [Fact]
    public async Task PendingQuestion_IsNeverPushedToOtherViewers()
    {
        var programme = await LiveProgramme();
        await using var asker = await DeskClient.ConnectAsync(stack.LiveApis[0], await Tokens.ViewerAsync(stack.LiveApis[0]));
        await using var viewer = await DeskClient.ConnectAsync(stack.LiveApis[1], null);
        await using var screener = await DeskClient.ConnectAsync(stack.LiveApis[1], await Tokens.StaffAsync(stack.LiveApis[1], "screener"));
        await viewer.Call<ViewerSnapshot>("Join", programme);
        await screener.Call<ModeratorSnapshot>("Moderate", programme);

        var id = (await asker.Submit(programme, "这是一个待审核的问题：关于低保")).Value!.Question!.Id;
        await DeskClient.Next(screener.Staff, p => p.Questions.Any(q => q.Id == id), "the screener sees it");
        var reject = await screener.Call<DeskStatus>("Reject", programme, id, "与本期节目主题无关");
        Assert.True(reject.Ok);
        await DeskClient.Next(screener.Staff, p => p.Questions.Any(q => q.Id == id && q.Status == QuestionStatus.Rejected), "the rejection");

        // Viewers may get status patches (counts), but never this question.
        while (viewer.Public.Reader.TryRead(out var patch))
            Assert.DoesNotContain(patch.Questions, q => q.Id == id);
        var snapshot = await viewer.Call<ViewerSnapshot>("Join", programme);
        Assert.DoesNotContain(snapshot.Value!.Queue, q => q.Id == id);
    }

    [Fact]
    public async Task Reconnect_ResyncsFromTheVersionedSnapshot()
    {
        var programme = await LiveProgramme();
        var token = await Tokens.ViewerAsync(stack.LiveApis[0]);
        var viewer = await DeskClient.ConnectAsync(stack.LiveApis[0], token);
        var mine = (await viewer.Submit(programme, "断线期间我的问题会被审核吗？")).Value!.Question!;
        var before = (await viewer.Call<ViewerSnapshot>("Join", programme)).Value!;
        await viewer.DisposeAsync();

        using var screener = await stack.LiveApis[1].AsAsync("screener");
        (await screener.PostAsync($"/api/programmes/{programme}/moderation", Json(new { type = "approve", questionId = mine.Id }))).EnsureSuccessStatusCode();

        // The same viewer comes back on the other host: the snapshot carries what it missed and a newer version.
        await using var again = await DeskClient.ConnectAsync(stack.LiveApis[1], token);
        var after = (await again.Call<ViewerSnapshot>("Join", programme)).Value!;
        Assert.True(after.Version > before.Version);
        Assert.Equal(QuestionStatus.Approved, after.Mine.Single(q => q.Id == mine.Id).Status);
        Assert.Contains(after.Queue, q => q.Id == mine.Id);
    }

    private Task<string> LiveProgramme() => stack.Api.LiveProgrammeAsync("问答测试", ["210102"]);

    private static StringContent Json(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}

using Grpc.Core;
using Grpc.Net.Client;
using Realtime.Contracts.Questions;
using Realtime.IntegrationTests.Foundation;
using Realtime.LiveApi.Grpc;
using Realtime.Testing;

namespace Realtime.IntegrationTests.Desk;

/// <summary>Bad input gets a typed error naming the field or the state, and changes nothing; the studio feed streams.</summary>
[Collection(SharedStackCollection.Name)]
public sealed class DeskRulesTests(SharedStack stack)
{
    [Fact]
    public async Task Submit_BadInput_TypedErrorNamingTheField_AndNothingIsAdded()
    {
        var programme = await LiveProgramme();
        await using var viewer = await DeskClient.ConnectAsync(stack.Api, await Tokens.ViewerAsync(stack.Api));
        var cases = new (Func<Task<Reply<SubmitOutcome>>> Call, string Kind, string? Field)[]
        {
            (() => viewer.Submit(programme, ""), "Invalid", "text"),
            (() => viewer.Submit(programme, new string('问', 301)), "Invalid", "text"),
            (() => viewer.Submit(programme, "含\u0001控制字符"), "Invalid", "text"),
            (() => viewer.Submit(programme, "正常的问题", community: "210102999999"), "Invalid", "communityCode"),
            (() => viewer.Submit(programme, "正常的问题", department: "no-such"), "Invalid", "department"),
            (() => viewer.Submit(programme, "正常的问题", topic: "没有这个话题"), "Invalid", "topic"),
            (() => viewer.Submit("no-such-programme", "正常的问题"), "NotFound", null),
            (() => viewer.Submit("BAD ID", "正常的问题"), "NotFound", null),
        };
        foreach (var (call, kind, field) in cases)
        {
            var reply = await call();
            Assert.False(reply.Ok);
            Assert.Equal(kind, reply.Error!.Kind);
            Assert.Equal(field, reply.Error.Field);
            Assert.False(string.IsNullOrWhiteSpace(reply.Error.Message));
        }
        var snapshot = (await viewer.Call<ViewerSnapshot>("Join", programme)).Value!;
        Assert.Empty(snapshot.Mine);
        Assert.Equal(0, snapshot.Status.Counts.Total);
    }

    [Fact]
    public async Task Submit_RepeatedRequestId_GivesTheOriginal_OverTheLimit_OnlyThatViewerIsRefused()
    {
        var programme = await LiveProgramme();
        await using var viewer = await DeskClient.ConnectAsync(stack.Api, await Tokens.ViewerAsync(stack.Api));
        await using var other = await DeskClient.ConnectAsync(stack.LiveApis[1], await Tokens.ViewerAsync(stack.LiveApis[1]));
        var first = await viewer.Submit(programme, "第一个问题：养老金", requestId: "fixed-id");
        var repeat = await viewer.Submit(programme, "同一个请求编号，内容不同", requestId: "fixed-id");
        Assert.Equal(first.Value!.Question!.Id, repeat.Value!.Question!.Id);
        Assert.Equal("第一个问题：养老金", repeat.Value.Question.Text);

        string[] topics = ["医保报销", "低保申请", "宅基地审批", "农机具补贴"];
        foreach (var topic in topics)
            Assert.True((await viewer.Submit(programme, $"关于{topic}的问题")).Ok);
        var limited = await viewer.Submit(programme, "第六个问题：再就业培训");
        Assert.Equal("RateLimited", limited.Error!.Kind);
        Assert.True((await other.Submit(programme, "另一位观众的问题不受影响")).Ok);

        var counts = (await viewer.Call<ViewerSnapshot>("Join", programme)).Value!.Status.Counts;
        Assert.Equal(6, counts.Total);
    }

    [Fact]
    public async Task ModerationInTheWrongState_SaysTheState_AndChangesNothing()
    {
        var programme = await LiveProgramme();
        await using var viewer = await DeskClient.ConnectAsync(stack.Api, await Tokens.ViewerAsync(stack.Api));
        await using var host = await DeskClient.ConnectAsync(stack.Api, await Tokens.StaffAsync(stack.Api, "host"));
        await using var screener = await DeskClient.ConnectAsync(stack.Api, await Tokens.StaffAsync(stack.Api, "screener"));
        var id = (await viewer.Submit(programme, "请问动迁补偿标准是什么？")).Value!.Question!.Id;

        var answer = await host.Call<DeskStatus>("MarkAnswered", programme, id);
        Assert.Equal(("InvalidState", "Pending"), (answer.Error!.Kind, answer.Error.State));
        Assert.True((await screener.Call<DeskStatus>("Reject", programme, id, "信息不完整，无法解答")).Ok);
        var onAir = await host.Call<DeskStatus>("PutOnAir", programme, id);
        Assert.Equal(("InvalidState", "Rejected"), (onAir.Error!.Kind, onAir.Error.State));
        var screenerOnAir = await screener.Call<DeskStatus>("PutOnAir", programme, id);
        Assert.Equal("Forbidden", screenerOnAir.Error!.Kind);

        var after = (await host.Call<ModeratorSnapshot>("Moderate", programme)).Value!;
        Assert.Equal(QuestionStatus.Rejected, after.Questions.Single(q => q.Id == id).Status);
        Assert.Null(after.Status.OnAir);
        Assert.Equal(["reject"], after.Log.Select(e => e.Action));
    }

    [Fact]
    public async Task StudioFeed_StreamsNextAndOnAir_AndModerateOverGrpcFollowsTheSameRules()
    {
        var programme = await LiveProgramme();
        await using var viewer = await DeskClient.ConnectAsync(stack.Api, await Tokens.ViewerAsync(stack.Api));
        var id = (await viewer.Submit(programme, "请问农机具补贴怎么申请？")).Value!.Question!.Id;

        using var channel = GrpcChannel.ForAddress(stack.LiveApis[1].GrpcAddress);
        var studio = new StudioService.StudioServiceClient(channel);
        var host = new Metadata { { "authorization", "Bearer " + await Tokens.StaffAsync(stack.Api, "host") } };
        var screener = new Metadata { { "authorization", "Bearer " + await Tokens.StaffAsync(stack.Api, "screener") } };
        using var watch = studio.WatchOnAir(new WatchOnAirRequest { ProgrammeId = programme }, host);
        Assert.True(await watch.ResponseStream.MoveNext());
        Assert.Null(watch.ResponseStream.Current.OnAir);

        await studio.ModerateAsync(new ModerateRequest { ProgrammeId = programme, Type = "approve", QuestionId = id }, screener);
        var denied = await Assert.ThrowsAsync<RpcException>(() => studio.ModerateAsync(new ModerateRequest { ProgrammeId = programme, Type = "on-air", QuestionId = id }, screener).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        var missing = await Assert.ThrowsAsync<RpcException>(() => studio.ModerateAsync(new ModerateRequest { ProgrammeId = programme, Type = "on-air", QuestionId = 9999 }, host).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);

        await studio.ModerateAsync(new ModerateRequest { ProgrammeId = programme, Type = "next", QuestionId = id }, host);
        Assert.True(await watch.ResponseStream.MoveNext());
        Assert.Equal(id, watch.ResponseStream.Current.Next.Id);

        await studio.ModerateAsync(new ModerateRequest { ProgrammeId = programme, Type = "on-air", QuestionId = id }, host);
        Assert.True(await watch.ResponseStream.MoveNext());
        var update = watch.ResponseStream.Current;
        Assert.Equal("请问农机具补贴怎么申请？", update.OnAir!.Text);
        Assert.Equal("沈阳市人力资源和社会保障局", update.OnAir!.Department);
        Assert.Null(update.Next);
    }

    private Task<string> LiveProgramme() => stack.Api.LiveProgrammeAsync("规则测试", ["210102"]);
}

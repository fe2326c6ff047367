using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Realtime.Contracts.Questions;
using Realtime.LiveApi.Auth;
using Realtime.LiveApi.Desk;
using Realtime.LiveApi.Security;
using System.Globalization;

namespace Realtime.LiveApi.Apis;

/// <summary>The question desk over REST, for clients without SignalR (same rules: everything goes through <see cref="DeskGateway"/>).</summary>
public static class DeskApi
{
    public sealed record SubmitRequest(string? RequestId, string? Text, string? DisplayName, string? CommunityCode,
        string? Topic, string? Department, bool IgnoreSimilar = false);

    /// <summary>Reference lists and the text limits of the desk (the limits come from the silo's settings).</summary>
    public sealed record DeskCatalogueView(Department[] Departments, IReadOnlyList<string> Topics, string[] ModerationTypes, DeskLimits Limits);

    public static IEndpointRouteBuilder MapDeskApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Question desk").AddEndpointFilter<RetryAfterHeader>();
        api.MapGet("/desk/catalogue", Catalogue).WithSummary("部门、话题、管理操作类型与文字长度上限");
        var programme = api.MapGroup("/programmes/{id}");
        programme.MapGet("/desk", Snapshot).WithSummary("观众视角的提问队列快照（含“我的问题”）");
        programme.MapGet("/timeline", Timeline).WithSummary("每个问题的上播与解答时间（相对节目开始）");
        programme.MapPost("/questions", Submit).RequireAuthorization().WithSummary("提交问题（需观众令牌）");
        programme.MapPost("/questions/{questionId:long}/votes", Vote).RequireAuthorization().WithSummary("“我也想问”");
        programme.MapPost("/questions/{questionId:long}/withdraw", Withdraw).RequireAuthorization().WithSummary("撤回自己待审核的问题");

        var staff = programme.MapGroup("/moderation").RequireAuthorization(Policies.Staff);
        staff.MapGet("/", ModeratorSnapshot).WithSummary("导播/主持人视角的全部问题与最新日志");
        staff.MapPost("/", Moderate).WithSummary("执行管理操作（type 见 /api/desk/catalogue）");
        staff.MapGet("/log", Log).WithSummary("管理日志（谁、何时、做了什么、前后变化）");
        return app;
    }

    private static async Task<Ok<DeskCatalogueView>> Catalogue(IGrainFactory grains) =>
        TypedResults.Ok(new DeskCatalogueView([.. DeskCatalogue.Departments], DeskCatalogue.Topics, ModerationRequest.Types,
            await grains.GetGrain<IDeskRulesGrain>(0).GetLimits()));

    private static async Task<Results<Ok<ViewerSnapshot>, ProblemHttpResult>> Snapshot(string id, ClaimsPrincipal user, DeskGateway gateway) =>
        DeskGateway.IsProgrammeId(id)
            ? (await gateway.Desk(id).GetViewerSnapshot(DeskActors.From(user)?.Id)).ToHttp()
            : DeskGateway.UnknownProgramme<ViewerSnapshot>(id).ToProblem();

    private static async Task<Results<Ok<ImmutableArray<TimelineEntry>>, ProblemHttpResult>> Timeline(string id, DeskGateway gateway) =>
        DeskGateway.IsProgrammeId(id)
            ? (await gateway.Desk(id).GetTimeline()).ToHttp()
            : DeskGateway.UnknownProgramme<ImmutableArray<TimelineEntry>>(id).ToProblem();

    private static async Task<Results<Ok<SubmitOutcome>, ProblemHttpResult>> Submit(string id, SubmitRequest request, HttpContext http, DeskGateway gateway)
    {
        if (request.RequestId is null)
            return ResultMapping.BadField("requestId", "缺少字段 requestId。");
        if (request.Text is null)
            return ResultMapping.BadField("text", "缺少字段 text。");
        var command = new SubmitQuestion(request.RequestId, request.Text, request.DisplayName, request.CommunityCode,
            request.Topic, request.Department, request.IgnoreSimilar);
        return (await gateway.AsViewer(Caller.Of(http), id, ClientAction.Submit, (desk, actor) => desk.Submit(actor, command))).ToHttp();
    }

    private static async Task<Results<Ok<PublicQuestion>, ProblemHttpResult>> Vote(string id, long questionId, HttpContext http, DeskGateway gateway) =>
        (await gateway.AsViewer(Caller.Of(http), id, ClientAction.Vote, (desk, actor) => desk.Vote(actor, questionId), questionId.ToString(CultureInfo.InvariantCulture))).ToHttp();

    private static async Task<Results<Ok<PublicQuestion>, ProblemHttpResult>> Withdraw(string id, long questionId, HttpContext http, DeskGateway gateway) =>
        (await gateway.AsViewer(Caller.Of(http), id, null, (desk, actor) => desk.Withdraw(actor, questionId))).ToHttp();

    private static async Task<Results<Ok<ModeratorSnapshot>, ProblemHttpResult>> ModeratorSnapshot(string id, ClaimsPrincipal user, DeskGateway gateway) =>
        (await gateway.AsModerator(user, id, desk => desk.GetModeratorSnapshot())).ToHttp();

    private static async Task<Results<Ok<DeskStatus>, ProblemHttpResult>> Moderate(string id, ModerationRequest request, ClaimsPrincipal user, DeskGateway gateway)
    {
        var (command, missing) = request.ToCommand();
        if (command is null)
            return ResultMapping.BadField(missing!, missing == "type" ? $"未知或缺少操作类型 type：{request.Type}。" : $"缺少字段 {missing}。");
        return (await gateway.Moderate(user, id, command)).ToHttp();
    }

    private static async Task<Results<Ok<ImmutableArray<ModerationLogEntry>>, ProblemHttpResult>> Log(
        string id, ClaimsPrincipal user, DeskGateway gateway, long? before = null, int take = 50) =>
        (await gateway.AsModerator(user, id, desk => desk.GetLog(before, take))).ToHttp();
}

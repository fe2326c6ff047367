using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Realtime.Contracts.FollowUps;
using Realtime.Contracts.Questions;
using Realtime.LiveApi.Auth;
using Realtime.LiveApi.Desk;
using Realtime.LiveApi.Security;

namespace Realtime.LiveApi.Apis;

/// <summary>Follow-up cases (转办) and public evaluation (网上评议).</summary>
public static class FollowUpsApi
{
    public sealed record AnswerRequest(string? Text);

    public sealed record RatingRequest(int? Score, string? Comment);

    public static IEndpointRouteBuilder MapFollowUpsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Follow-up and evaluation").AddEndpointFilter<RetryAfterHeader>();
        api.MapGet("/followups/{caseId}", GetCase).WithSummary("一件转办件（稳定链接，公开）");
        api.MapGet("/followups/{caseId}/question", GetCaseQuestion).WithSummary("转办件的问题（公开视图）：书面答复与提问人的评价（平均分、人数）");
        api.MapGet("/programmes/{id}/followups", ForProgramme).WithSummary("节目的转办件及办理状态（公开，分页：take 1–100，cursor）");
        api.MapGet("/departments/{code}/cases", ForDepartment).RequireAuthorization(Policies.Department)
            .WithSummary("本部门的转办件（部门用户，分页）：state=open 按期限由近到远，state=answered 最近的在前");
        api.MapPost("/followups/{caseId}/answer", Answer).RequireAuthorization(Policies.Department).WithSummary("书面答复转办件（本部门用户）");
        api.MapPost("/programmes/{id}/questions/{questionId:long}/rating", Rate).RequireAuthorization().WithSummary("提问人为自己问题的答复评分 1–5（一次）");
        return app;
    }

    private static bool IsCaseId(string caseId) =>
        caseId.LastIndexOf('.') is var dot and > 0 && DeskGateway.IsProgrammeId(caseId[..dot]) && long.TryParse(caseId[(dot + 1)..], out _);

    private static async Task<Results<Ok<FollowUpCase>, ProblemHttpResult>> GetCase(string caseId, IGrainFactory grains)
    {
        var found = IsCaseId(caseId) ? await grains.GetGrain<IFollowUpCaseGrain>(caseId).Get() : null;
        return found is not null ? TypedResults.Ok(found) : ResultMapping.NotFound($"转办件 {caseId} 不存在。");
    }

    private static async Task<Results<Ok<PublicQuestion>, ProblemHttpResult>> GetCaseQuestion(string caseId, DeskGateway gateway)
    {
        if (!IsCaseId(caseId))
            return ResultMapping.NotFound($"转办件 {caseId} 不存在。");
        var dot = caseId.LastIndexOf('.');
        var question = await gateway.Desk(caseId[..dot]).GetFollowUpQuestion(long.Parse(caseId[(dot + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        return question.IsOk ? TypedResults.Ok(question.Value!) : ResultMapping.NotFound($"转办件 {caseId} 不存在。");
    }

    private static async Task<Results<Ok<PageView<FollowUpCase>>, ProblemHttpResult>> ForProgramme(string id, DeskGateway gateway,
        int? take = null, string? cursor = null)
    {
        if (!DeskGateway.IsProgrammeId(id))
            return DeskGateway.UnknownProgramme<FollowUpCase>(id).ToProblem();
        var query = $"followups|{id}";
        var (n, after, error) = Paging.Read(take, cursor, query);
        if (error is not null)
            return error;
        var page = await gateway.Desk(id).GetFollowUps(after, n);
        return page.IsOk ? TypedResults.Ok(Paging.View(page.Value!, query)) : page.ToProblem();
    }

    private static async Task<Results<Ok<PageView<FollowUpCase>>, ProblemHttpResult>> ForDepartment(string code, ClaimsPrincipal user, IGrainFactory grains,
        string? state = null, int? take = null, string? cursor = null)
    {
        if (DeskCatalogue.FindDepartment(code) is null)
            return ResultMapping.NotFound($"部门 {code} 不存在。");
        if (!user.IsInRole(Roles.Admin) && user.FindFirst(TokenIssuer.DepartmentClaim)?.Value != code)
            return TypedResults.Problem("只能查看本部门的转办件。", statusCode: StatusCodes.Status403Forbidden, title: "无权操作");
        if (state is not (null or "open" or "answered"))
            return ResultMapping.BadField("state", "state 应为 open（待答复）或 answered（已答复）。");
        var query = $"department|{code}|{state ?? "open"}";
        var (n, after, error) = Paging.Read(take, cursor, query);
        if (error is not null)
            return error;
        var department = grains.GetGrain<IDepartmentGrain>(code);
        var page = state == "answered" ? await department.Answered(after, n) : await department.Open(after, n);
        return TypedResults.Ok(Paging.View(page, query));
    }

    private static async Task<Results<Ok<FollowUpCase>, ProblemHttpResult>> Answer(string caseId, AnswerRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!IsCaseId(caseId))
            return ResultMapping.NotFound($"转办件 {caseId} 不存在。");
        if (request.Text is null)
            return ResultMapping.BadField("text", "缺少字段 text。");
        var department = user.FindFirst(TokenIssuer.DepartmentClaim)?.Value ?? "";
        var name = user.FindFirst("name")?.Value ?? department;
        return (await grains.GetGrain<IFollowUpCaseGrain>(caseId).Answer(department, name, request.Text)).ToHttp();
    }

    private static async Task<Results<Ok<PublicQuestion>, ProblemHttpResult>> Rate(string id, long questionId, RatingRequest request, HttpContext http, DeskGateway gateway)
    {
        if (request.Score is not { } score)
            return ResultMapping.BadField("score", "缺少字段 score。");
        return (await gateway.AsViewer(Caller.Of(http), id, ClientAction.Rate, (desk, actor) => desk.Rate(actor, questionId, score, request.Comment))).ToHttp();
    }
}

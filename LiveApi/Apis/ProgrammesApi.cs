using Microsoft.AspNetCore.Http.HttpResults;
using Realtime.Contracts.Common;
using Realtime.Contracts.Programmes;
using Realtime.LiveApi.Auth;

namespace Realtime.LiveApi.Apis;

public static class ProgrammesApi
{
    public static IEndpointRouteBuilder MapProgrammesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Programmes");
        api.MapGet("/series", ListSeries).WithSummary("节目系列：民生面对面、连心桥政务公开热线、局长访谈、审批讲座、百家社区讲堂");
        api.MapGet("/programmes", ListProgrammes)
            .WithSummary("节目列表（分页）：order=asc|desc，from/to（开播时间）或 month=yyyy-MM，state，district；take 1–100，cursor 取自上一页的 next");
        api.MapGet("/programmes/window", Window).WithSummary("首页：正在直播、未来 7 天、过去 7 天（可按 district）；更早的节目用 /api/programmes?order=desc&to=…");
        api.MapGet("/programmes/{id}", GetProgramme).WithSummary("一个节目的详情");
        api.MapGet("/districts/{code}/programmes", (string code, IGrainFactory g, string? order, DateTimeOffset? from, DateTimeOffset? to,
                string? month, ProgrammeState? state, int? take, string? cursor) =>
                Identifiers.DistrictCode().IsMatch(code)
                    ? ListProgrammes(g, order, from, to, month, state, code, take, cursor)
                    : Task.FromResult<Results<Ok<PageView<ProgrammeSummary>>, ProblemHttpResult>>(ResultMapping.NotFound($"区县 {code} 不存在。")))
            .WithTags("Districts").WithSummary("覆盖一个区县的节目（分页，参数同 /api/programmes）");

        var admin = api.MapGroup("/programmes").RequireAuthorization(Policies.Admin);
        admin.MapPost("/", Schedule).WithSummary("安排新节目（管理员）");
        admin.MapPost("/{id}/live", (string id, IGrainFactory g) => Move(id, g, p => p.GoLive())).WithSummary("开始直播（管理员）");
        admin.MapPost("/{id}/end", (string id, IGrainFactory g) => Move(id, g, p => p.End())).WithSummary("结束直播（管理员）");
        admin.MapPost("/{id}/archive", (string id, IGrainFactory g) => Move(id, g, p => p.Archive())).WithSummary("归档（管理员）");
        return app;
    }

    public sealed record SeriesView(Series Series, string Name, ProgrammeKind Kind);

    private static Ok<SeriesView[]> ListSeries() => TypedResults.Ok(Enum.GetValues<Series>()
        .Select(s => new SeriesView(s, SeriesCatalog.ChineseName(s), SeriesCatalog.KindOf(s))).ToArray());

    private static async Task<Results<Ok<PageView<ProgrammeSummary>>, ProblemHttpResult>> ListProgrammes(IGrainFactory grains,
        string? order = null, DateTimeOffset? from = null, DateTimeOffset? to = null, string? month = null, ProgrammeState? state = null,
        string? district = null, int? take = null, string? cursor = null)
    {
        if (order is not (null or "asc" or "desc"))
            return ResultMapping.BadField("order", "order 应为 asc（从早到晚）或 desc（从晚到早）。");
        if (district is not null && !Identifiers.DistrictCode().IsMatch(district))
            return ResultMapping.BadField("district", $"区县代码应为 6 位数字：{district}。");
        var (monthStart, monthError) = Paging.Month(month);
        if (monthError is not null)
            return monthError;
        if (monthStart is { } start)
            (from, to) = (start, start.AddMonths(1));
        if (from is not null && to is not null && to <= from)
            return ResultMapping.BadField("to", "to 应晚于 from。");
        var scope = district is null ? ProgrammeScopes.All : ProgrammeScopes.District(district);
        var descending = order != "asc";
        var queryKey = $"programmes|{scope}|{descending}|{from?.UtcTicks}|{to?.UtcTicks}|{state}";
        var (n, after, error) = Paging.Read(take, cursor, queryKey);
        if (error is not null)
            return error;
        var page = await grains.GetGrain<IProgrammeListGrain>(0).Page(new ProgrammeQuery(scope, descending, from, to, state, n), after);
        return TypedResults.Ok(Paging.View(page, queryKey));
    }

    private static async Task<Results<Ok<ProgrammeWindow>, ProblemHttpResult>> Window(IGrainFactory grains, TimeProvider clock, string? district = null)
    {
        if (district is not null && !Identifiers.DistrictCode().IsMatch(district))
            return ResultMapping.BadField("district", $"区县代码应为 6 位数字：{district}。");
        var scope = district is null ? ProgrammeScopes.All : ProgrammeScopes.District(district);
        return TypedResults.Ok(await grains.GetGrain<IProgrammeListGrain>(0).Window(scope, clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<ProgrammeDetails>, ProblemHttpResult>> GetProgramme(string id, IGrainFactory grains)
    {
        var programme = Identifiers.ProgrammeId().IsMatch(id) ? await grains.GetGrain<IProgrammeGrain>(id).Get() : null;
        return programme is not null ? TypedResults.Ok(programme) : ResultMapping.NotFound($"节目 {id} 不存在。");
    }

    private static async Task<Results<Created<ProgrammeDetails>, ProblemHttpResult>> Schedule(
        ScheduleProgrammeRequest request, IGrainFactory grains, TimeProvider clock)
    {
        var (command, missing) = request.ToCommand();
        if (command is null)
            return ResultMapping.BadField(missing!, $"缺少字段 {missing}。");
        var id = Identifiers.NewProgrammeId(clock.GetUtcNow());
        var result = await grains.GetGrain<IProgrammeGrain>(id).Schedule(command);
        return result.IsOk ? TypedResults.Created($"/api/programmes/{id}", result.Value) : result.ToProblem();
    }

    private static async Task<Results<Ok<ProgrammeDetails>, ProblemHttpResult>> Move(
        string id, IGrainFactory grains, Func<IProgrammeGrain, Task<Result<ProgrammeDetails>>> step)
    {
        if (!Identifiers.ProgrammeId().IsMatch(id))
            return ResultMapping.NotFound($"节目 {id} 不存在。");
        return (await step(grains.GetGrain<IProgrammeGrain>(id))).ToHttp();
    }
}

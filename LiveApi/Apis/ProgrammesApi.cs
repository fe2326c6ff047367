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
        api.MapGet("/programmes", ListProgrammes).WithSummary("全部节目，可按状态筛选");
        api.MapGet("/programmes/{id}", GetProgramme).WithSummary("一个节目的详情");

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

    private static async Task<Ok<ProgrammeSummary[]>> ListProgrammes(IGrainFactory grains, ProgrammeState? state = null)
    {
        var all = await grains.GetGrain<IProgrammeCatalogGrain>(IProgrammeCatalogGrain.All).List();
        return TypedResults.Ok(all.Where(p => state is null || p.State == state).ToArray());
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

using Microsoft.AspNetCore.Http.HttpResults;
using Realtime.Contracts.Districts;
using Realtime.Contracts.Programmes;

namespace Realtime.LiveApi.Apis;

public static class DistrictsApi
{
    public static IEndpointRouteBuilder MapDistrictsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Districts");
        api.MapGet("/districts", ListDistricts).WithSummary("沈阳市 13 个区县及其社区");
        api.MapGet("/districts/{code}", GetDistrict).WithSummary("一个区县，含正在直播、未来 7 天和过去 7 天的节目（更早的见 /api/districts/{code}/programmes）");
        api.MapGet("/districts/{code}/communities", ListCommunities).WithSummary("区县下的社区");
        api.MapGet("/communities/{code}", GetCommunity).WithSummary("一个社区");
        return app;
    }

    private static async Task<Ok<DistrictInfo[]>> ListDistricts(IGrainFactory grains)
    {
        var codes = await grains.GetGrain<ICityGrain>(ICityGrain.Shenyang).ListDistricts();
        var districts = await Task.WhenAll(codes.Select(c => grains.GetGrain<IDistrictGrain>(c).Get()));
        return TypedResults.Ok(districts.OfType<DistrictInfo>().ToArray());
    }

    private static async Task<Results<Ok<DistrictInfo>, ProblemHttpResult>> GetDistrict(string code, IGrainFactory grains, TimeProvider clock) =>
        await FindDistrict(code, grains) is { } district ? TypedResults.Ok(await WithWindow(district, grains, clock)) : UnknownDistrict(code);

    /// <summary>The district with the programmes of its landing window: live, the next 7 days and the last 7 days.</summary>
    internal static async Task<DistrictInfo> WithWindow(DistrictInfo district, IGrainFactory grains, TimeProvider clock)
    {
        var window = await grains.GetGrain<IProgrammeListGrain>(0).Window(ProgrammeScopes.District(district.Code), clock.GetUtcNow());
        return district with { Programmes = [.. window.Live, .. window.Upcoming, .. window.Recent] };
    }

    private static async Task<Results<Ok<CommunityRef[]>, ProblemHttpResult>> ListCommunities(string code, IGrainFactory grains) =>
        await FindDistrict(code, grains) is { } district ? TypedResults.Ok(district.Communities.ToArray()) : UnknownDistrict(code);

    private static async Task<Results<Ok<CommunityInfo>, ProblemHttpResult>> GetCommunity(string code, IGrainFactory grains)
    {
        var community = Identifiers.CommunityCode().IsMatch(code) ? await grains.GetGrain<ICommunityGrain>(code).Get() : null;
        return community is not null ? TypedResults.Ok(community) : ResultMapping.NotFound($"社区 {code} 不存在。");
    }

    internal static async Task<DistrictInfo?> FindDistrict(string code, IGrainFactory grains) =>
        Identifiers.DistrictCode().IsMatch(code) ? await grains.GetGrain<IDistrictGrain>(code).Get() : null;

    private static ProblemHttpResult UnknownDistrict(string code) => ResultMapping.NotFound($"区县 {code} 不存在。");
}

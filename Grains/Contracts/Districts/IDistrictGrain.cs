using Realtime.Contracts.Common;

namespace Realtime.Contracts.Districts;

/// <summary>One county-level division of Shenyang, keyed by its administrative code (e.g. "210102").</summary>
[Alias("Realtime.IDistrictGrain")]
public interface IDistrictGrain : IGrainWithStringKey
{
    /// <summary>Creates the district, or leaves it as it is when it already exists with the same name.</summary>
    [Alias("Define")]
    Task<Result<DistrictInfo>> Define(string name, DistrictKind kind);

    /// <summary>Null when the district was never defined. Its programmes are listed by the programme lists (scope "district-{code}").</summary>
    [Orleans.Concurrency.ReadOnly, Alias("Get")]
    Task<DistrictInfo?> Get();

    [Alias("AddCommunity")]
    Task<Result<DistrictInfo>> AddCommunity(CommunityRef community);
}

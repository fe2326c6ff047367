using Realtime.Contracts.Common;

namespace Realtime.Contracts.Districts;

/// <summary>A community (社区) keyed by its code; it belongs to exactly one district.</summary>
[Alias("Realtime.ICommunityGrain")]
public interface ICommunityGrain : IGrainWithStringKey
{
    /// <summary>Creates the community and lists it in its district; idempotent for the same definition.</summary>
    [Alias("Define")]
    Task<Result<CommunityInfo>> Define(string name, string districtCode);

    [Alias("Get")]
    Task<CommunityInfo?> Get();
}

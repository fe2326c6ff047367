using System.Collections.Immutable;

namespace Realtime.Contracts.Districts;

/// <summary>The city's directory of its districts (one grain, key "shenyang"), so listing needs no scan.</summary>
[Alias("Realtime.ICityGrain")]
public interface ICityGrain : IGrainWithStringKey
{
    public const string Shenyang = "shenyang";

    [Alias("ListDistricts")]
    Task<ImmutableArray<string>> ListDistricts();

    [Alias("AddDistrict")]
    Task AddDistrict(string code);
}

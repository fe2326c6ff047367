using System.Collections.Immutable;

namespace Realtime.Contracts.Programmes;

/// <summary>The list of all programmes (one grain, key "all"), kept current by the programme grains.</summary>
[Alias("Realtime.IProgrammeCatalogGrain")]
public interface IProgrammeCatalogGrain : IGrainWithStringKey
{
    public const string All = "all";

    [Alias("Track")]
    Task Track(ProgrammeSummary programme);

    [Alias("List")]
    Task<ImmutableArray<ProgrammeSummary>> List();
}

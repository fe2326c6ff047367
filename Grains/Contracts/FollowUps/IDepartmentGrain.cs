using System.Collections.Immutable;

namespace Realtime.Contracts.FollowUps;

/// <summary>A department's follow-up cases (key = department code): the open ones and the latest answered.</summary>
[Alias("Realtime.IDepartmentGrain")]
public interface IDepartmentGrain : IGrainWithStringKey
{
    [Alias("Track")]
    Task Track(FollowUpCase followUp);

    [Alias("ListCases")]
    Task<ImmutableArray<FollowUpCase>> ListCases();
}

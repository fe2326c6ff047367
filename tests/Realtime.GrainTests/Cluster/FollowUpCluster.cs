using Realtime.Contracts.FollowUps;
using Realtime.Testing;

namespace Realtime.GrainTests.Cluster;

/// <summary>
/// The cluster of the follow-up tests. A case is listed in its department's month partition, rows of an Azure table
/// read through IndexTables; rather than faking the table client, a private in-memory Azurite holds them, so the
/// department list a test reads back is the one a department user would see.
/// </summary>
public sealed class FollowUpCluster : GrainCluster
{
    private Azurite? _azurite;

    public override async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync(inMemory: true);
        await DeployAsync(_azurite.ConnectionString);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_azurite is not null)
            await _azurite.DisposeAsync();
    }

    public IFollowUpCaseGrain Case(string caseId) => Grains.GetGrain<IFollowUpCaseGrain>(caseId);

    public IDepartmentGrain Department(string code) => Grains.GetGrain<IDepartmentGrain>(code);
}

[CollectionDefinition(Name)]
public sealed class FollowUpClusterCollection : ICollectionFixture<FollowUpCluster>
{
    public const string Name = "follow-up cluster";
}

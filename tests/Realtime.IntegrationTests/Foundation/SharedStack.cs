using Realtime.Testing;

namespace Realtime.IntegrationTests.Foundation;

/// <summary>One silo and two LiveApi hosts, shared by the read/write tests of the foundation.</summary>
public sealed class SharedStack : TestStack
{
    protected override int LiveApiCount => 2;

    /// <summary>Follow-up deadlines of seconds, so the overdue reminder fires within a test.</summary>
    protected override IReadOnlyDictionary<string, string> SiloSettings => new Dictionary<string, string>
    {
        ["Desk__FollowUpDeadlineOverride"] = "00:00:08",
    };
}

[CollectionDefinition(Name)]
public sealed class SharedStackCollection : ICollectionFixture<SharedStack>
{
    public const string Name = "shared stack";
}

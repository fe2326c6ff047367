using Realtime.Testing;

namespace Realtime.IntegrationTests.History;

/// <summary>One silo and one LiveApi of their own: the history tests schedule thousands of programmes.</summary>
public sealed class HistoryStack : TestStack;

[CollectionDefinition(Name)]
public sealed class HistoryCollection : ICollectionFixture<HistoryStack>
{
    public const string Name = "history stack";
}

using Realtime.Testing;

namespace Realtime.IntegrationTests.Trust;

/// <summary>
/// A silo and a LiveApi with LiveApi's own per-address limits (not the raised ones of the other stacks). Each test
/// connects from its own loopback address, so the budget one test spends is not another's.
/// </summary>
public sealed class TrustStack : TestStack
{
    /// <summary>Smaller than the default (20) so the test of it stays short; every other limit is the default.</summary>
    public const int SubmitsPerMinute = 6;

    protected override IReadOnlyDictionary<string, string> LiveApiSettings => new Dictionary<string, string>
    {
        [LiveApiProcess.ProductionLimits] = "",
        ["Limits__SubmitsPerMinute"] = SubmitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Another LiveApi of this cluster with its own settings (it keeps the production limits too).</summary>
    public async Task<LiveApiProcess> ExtraLiveApiAsync(Dictionary<string, string> settings)
    {
        settings[LiveApiProcess.ProductionLimits] = "";
        var api = new LiveApiProcess(Azurite, ClusterId, settings);
        await api.StartAsync();
        return api;
    }
}

[CollectionDefinition(Name)]
public sealed class TrustStackCollection : ICollectionFixture<TrustStack>
{
    public const string Name = "trust stack";
}

using Realtime.Testing;

namespace Realtime.IntegrationTests.Operations;

/// <summary>A silo and a LiveApi that export their traces over OTLP to a <see cref="TraceCollector"/>.</summary>
public sealed class TelemetryStack : TestStack
{
    public TraceCollector Collector { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string> SiloSettings => Otlp();

    protected override IReadOnlyDictionary<string, string> LiveApiSettings => Otlp();

    public override async Task InitializeAsync()
    {
        Collector = await TraceCollector.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Collector.DisposeAsync();
    }

    /// <summary>The standard OpenTelemetry variables; spans leave every half second instead of every five.</summary>
    private Dictionary<string, string> Otlp() => new()
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Collector.Endpoint,
        ["OTEL_BSP_SCHEDULE_DELAY"] = "500",
    };
}

[CollectionDefinition(Name)]
public sealed class TelemetryStackCollection : ICollectionFixture<TelemetryStack>
{
    public const string Name = "telemetry stack";
}

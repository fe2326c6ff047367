using Xunit;

namespace Realtime.Testing;

/// <summary>
/// Azurite, silos and LiveApi hosts as real processes, private to one test collection. Subclasses choose how many.
/// </summary>
public class TestStack : IAsyncLifetime
{
    protected virtual int SiloCount => 1;
    protected virtual int LiveApiCount => 1;
    protected virtual bool DemoProgrammes => false;

    /// <summary>Extra configuration of the silos (environment variables, e.g. "Desk__SubmitsPerMinute").</summary>
    protected virtual IReadOnlyDictionary<string, string> SiloSettings => new Dictionary<string, string>();

    /// <summary>Extra configuration of the LiveApi hosts.</summary>
    protected virtual IReadOnlyDictionary<string, string> LiveApiSettings => new Dictionary<string, string>();

    public string ClusterId { get; } = "test-" + Guid.NewGuid().ToString("N")[..8];
    public Azurite Azurite { get; private set; } = null!;
    public List<SiloProcess> Silos { get; } = [];
    public List<LiveApiProcess> LiveApis { get; } = [];
    public LiveApiProcess Api => LiveApis[0];

    public virtual async Task InitializeAsync()
    {
        Azurite = await Azurite.StartAsync();
        for (var i = 0; i < SiloCount; i++)
        {
            var silo = new SiloProcess(Azurite, ClusterId, DemoProgrammes, SiloSettings);
            Silos.Add(silo);
            await silo.StartAsync();
        }
        for (var i = 0; i < LiveApiCount; i++)
            LiveApis.Add(new LiveApiProcess(Azurite, ClusterId, LiveApiSettings));
        await Task.WhenAll(LiveApis.Select(l => l.StartAsync()));
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var api in LiveApis)
            await api.DisposeAsync();
        foreach (var silo in Silos)
            await silo.DisposeAsync();
        if (Azurite is not null)
            await Azurite.DisposeAsync();
    }
}

using Orleans.Concurrency;

namespace Realtime.Contracts.Questions;

/// <summary>The desk rules as the silo is configured (a stateless worker; key 0): hosts without the settings ask it.</summary>
[Alias("Realtime.IDeskRulesGrain")]
public interface IDeskRulesGrain : IGrainWithIntegerKey
{
    [ReadOnly, Alias("GetLimits")]
    Task<DeskLimits> GetLimits();
}

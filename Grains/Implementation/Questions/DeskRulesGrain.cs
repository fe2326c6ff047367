using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Realtime.Contracts.Questions;

namespace Realtime.Grains.Questions;

/// <summary>Serves the silo's <see cref="DeskRules"/> limits, so LiveApi and the pages never hold a copy of them.</summary>
[StatelessWorker]
public sealed class DeskRulesGrain(IOptions<DeskRules> rules) : Grain, IDeskRulesGrain
{
    public Task<DeskLimits> GetLimits() => Task.FromResult(rules.Value.Limits);
}

using Realtime.Contracts.FollowUps;
using Realtime.GrainTests.Cluster;
using Realtime.Testing;

namespace Realtime.GrainTests.FollowUps;

/// <summary>Cases as a desk opens them when a programme ends, each for a department of its own so lists stay apart.</summary>
public sealed class FollowUpCases(FollowUpCluster cluster)
{
    private static int _next;

    /// <summary>Opens a case due <paramref name="dueIn"/> from the fake clock's now; answers its id and department.</summary>
    public async Task<(string CaseId, string Department)> Open(TimeSpan dueIn)
    {
        var n = Interlocked.Increment(ref _next);
        var programmeId = $"p-followup-{n}";
        var department = $"dept{n}";
        var now = cluster.Clock.GetUtcNow();
        var info = new FollowUpInfo(FollowUpInfo.CaseIdOf(programmeId, 1), department, now, now + dueIn, false, null, null, null);
        var followUp = new FollowUpCase(info.CaseId, programmeId, 1, "小区门口的路灯坏了三个月，什么时候修？", "王**", "长青社区", "210102", null, info);
        await cluster.Case(info.CaseId).Open(followUp);
        return (info.CaseId, department);
    }

    public async Task<FollowUpCase> Get(string caseId) =>
        await cluster.Case(caseId).Get() ?? throw new InvalidOperationException($"case {caseId} is missing");

    /// <summary>
    /// Waits for the silo to handle a deadline reminder that the test has already made due by advancing the clock (the
    /// reminder service delivers it on its own); never for the deadline itself.
    /// </summary>
    public Task<FollowUpCase> Overdue(string caseId) =>
        Eventually.Until(() => Get(caseId), c => c.Info.Overdue, $"case {caseId} flagged overdue", TimeSpan.FromSeconds(30));
}

using Realtime.GrainTests.Cluster;

namespace Realtime.GrainTests.FollowUps;

/// <summary>
/// The deadline reminder of a follow-up case, driven by the fake clock: a case nobody answered is flagged overdue once
/// its deadline passes, for the asker and in the department's list; a case answered in time never is. Where a test
/// must show that a reminder did not flag a case, a witness case due earlier shows the reminders have run.
/// </summary>
[Collection(FollowUpClusterCollection.Name)]
public sealed class FollowUpDeadlineTests(FollowUpCluster cluster)
{
    private static readonly TimeSpan FiveWorkingDays = TimeSpan.FromDays(7);
    private readonly FollowUpCases _cases = new(cluster);

    [Fact]
    public async Task DeadlinePasses_WithoutAnAnswer_CaseIsFlaggedOverdueInTheDepartmentsList()
    {
        var (caseId, department) = await _cases.Open(FiveWorkingDays);
        Assert.False((await _cases.Get(caseId)).Info.Overdue);

        cluster.Clock.Advance(FiveWorkingDays + TimeSpan.FromMinutes(1));
        var overdue = await _cases.Overdue(caseId);

        Assert.True(overdue.IsOpen);
        var listed = Assert.Single((await cluster.Department(department).Open(null, 20)).Items);
        Assert.Equal(caseId, listed.CaseId);
        Assert.True(listed.Info.Overdue);
    }

    [Fact]
    public async Task DeadlineNotYetReached_ClockMovesOn_CaseStaysOpenAndNotOverdue()
    {
        var (witnessId, _) = await _cases.Open(TimeSpan.FromDays(1));
        var (caseId, department) = await _cases.Open(FiveWorkingDays);

        cluster.Clock.Advance(TimeSpan.FromDays(2));
        await _cases.Overdue(witnessId);

        var followUp = await _cases.Get(caseId);
        Assert.True(followUp.IsOpen);
        Assert.False(followUp.Info.Overdue);
        Assert.False(Assert.Single((await cluster.Department(department).Open(null, 20)).Items).Info.Overdue);
    }

    [Fact]
    public async Task AnsweredInTime_DeadlinePasses_CaseIsNeverFlaggedOverdue()
    {
        var (caseId, department) = await _cases.Open(TimeSpan.FromDays(1));
        var (witnessId, _) = await _cases.Open(TimeSpan.FromDays(2));
        cluster.Clock.Advance(TimeSpan.FromHours(20));
        var answered = await cluster.Case(caseId).Answer(department, "minzheng", "路灯已于本周更换，感谢您的反映。");
        Assert.True(answered.IsOk, answered.Error.ToString());

        cluster.Clock.Advance(TimeSpan.FromDays(3));
        await _cases.Overdue(witnessId);

        var followUp = await _cases.Get(caseId);
        Assert.False(followUp.IsOpen);
        Assert.False(followUp.Info.Overdue);
        Assert.Empty((await cluster.Department(department).Open(null, 20)).Items);
        Assert.Equal(caseId, Assert.Single((await cluster.Department(department).Answered(null, 20)).Items).CaseId);
    }

    [Fact]
    public async Task OpenedAfterItsDeadline_ClockMovesASecond_CaseIsFlaggedOverdue()
    {
        var (caseId, _) = await _cases.Open(TimeSpan.FromHours(-1));

        cluster.Clock.Advance(TimeSpan.FromSeconds(1));
        var overdue = await _cases.Overdue(caseId);

        Assert.True(overdue.IsOpen);
    }
}

using Realtime.Contracts.Programmes;
using Realtime.Grains.Programmes;

namespace Realtime.UnitTests.Programmes;

public sealed class ProgrammeLifecycleTests
{
    public static TheoryData<ProgrammeState, ProgrammeState> AllPairs()
    {
        var data = new TheoryData<ProgrammeState, ProgrammeState>();
        foreach (var from in Enum.GetValues<ProgrammeState>())
            foreach (var to in Enum.GetValues<ProgrammeState>())
                data.Add(from, to);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void CanMove_EveryPair_OnlyTheThreeForwardStepsAreAllowed(ProgrammeState from, ProgrammeState to)
    {
        var expected = (from, to) is (ProgrammeState.Scheduled, ProgrammeState.Live)
            or (ProgrammeState.Live, ProgrammeState.Ended) or (ProgrammeState.Ended, ProgrammeState.Archived);
        Assert.Equal(expected, ProgrammeLifecycle.CanMove(from, to));
    }

    [Fact]
    public void Refusal_ArchiveALiveProgramme_SaysItIsLiveAndWhatIsNeeded()
    {
        var message = ProgrammeLifecycle.Refusal(ProgrammeState.Live, ProgrammeState.Archived);
        Assert.Contains("直播中", message);
        Assert.Contains("Live", message);
        Assert.Contains("只有“已结束”的节目可以归档", message);
    }
}

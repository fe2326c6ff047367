using Realtime.Contracts.FollowUps;
using Realtime.Contracts.Reports;
using Realtime.Grains.Questions;

namespace Realtime.UnitTests.Questions;

public sealed class DeskOutboxTests
{
    private static readonly StatsCounters One = StatsCounters.Zero with { Received = 1 };

    [Fact]
    public void Take_SendsOnlyWhatIsStored_OneEntryPerVersionAndKey()
    {
        var outbox = new DeskOutbox();
        outbox.Add(EffectRow.OfQuestion(1), Stats(1, "a", "b"));
        outbox.Add(EffectRow.OfQuestion(2), Stats(1, "a"));
        outbox.Add(EffectRow.OfQuestion(1), Stats(2, "a"));
        Assert.True(outbox.IsSettled); // nothing stored yet: nothing may be sent

        outbox.MarkStored(1);
        var batch = outbox.Take();
        Assert.Equal(1, batch.UpTo);
        Assert.Equal(2, Assert.Single(batch.Stats["a"]).Delta.Received);
        Assert.Single(batch.Stats["b"]);
    }

    [Fact]
    public void Confirm_DropsEffectsFromTheRowsThatCarryThem_AndKeepsLaterOnes()
    {
        var outbox = new DeskOutbox();
        outbox.Add(EffectRow.OfQuestion(1), Stats(1, "a"));
        outbox.Add(EffectRow.OfQuestion(1), Stats(2, "a"));
        outbox.MarkStored(2);
        Assert.Equal(2, outbox.ForQuestion(1).Length);

        outbox.Confirm(1);
        Assert.Equal(2, Assert.Single(outbox.ForQuestion(1)).Version);
        Assert.Equal(1, outbox.Confirmed);
        outbox.Confirm(2);
        Assert.Empty(outbox.ForQuestion(1));
        Assert.True(outbox.IsEmpty);
    }

    [Fact]
    public void Restore_IgnoresEffectsAtOrBelowTheWatermark_AndResendsTheRest()
    {
        var outbox = new DeskOutbox();
        outbox.Restore(confirmed: 5, stored: 7);
        outbox.Add(EffectRow.OfQuestion(1), Stats(5, "a"));
        var followUp = new FollowUpCase("p.1", "p", 1, "问题", null, null, null, null,
            new FollowUpInfo("p.1", "labour", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, false, null, null, null));
        outbox.Add(EffectRow.OfQuestion(1), new DeskEffect(7, [], null, followUp));
        outbox.Add(new EffectRow(1, "viewer:x"), Stats(6, "a"));

        var batch = outbox.Take();
        Assert.Equal(7, batch.UpTo);
        Assert.Equal(6, Assert.Single(batch.Stats["a"]).Version);
        Assert.Equal("p.1", Assert.Single(batch.Cases).CaseId);
    }

    private static DeskEffect Stats(long version, params string[] keys) => DeskEffect.Stats([.. keys], One) with { Version = version };
}

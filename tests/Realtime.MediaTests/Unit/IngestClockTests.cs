using Realtime.MediaWorker.Live;

namespace Realtime.MediaTests.Unit;

/// <summary>The live stream's PROGRAM-DATE-TIME: never ahead of the studio, from the first frame on.</summary>
public sealed class IngestClockTests
{
    private static readonly DateTimeOffset FirstBytes = new(2026, 12, 3, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Stamp_AfterAProbeBacklog_CountsFromTheFirstBytesNotFromWhenTheEncoderCaughtUp()
    {
        var clock = new IngestClock();
        clock.FirstBytes(FirstBytes);
        // The worker held 1.5 s of input to probe it: the first segment is finished 4 s after the first bytes.
        clock.Finished(1, FirstBytes.AddSeconds(4));
        clock.Finished(2, FirstBytes.AddMilliseconds(4300));

        Assert.Equal("2026-12-03T07:00:00.000Z", clock.Stamp(0));
        Assert.Equal("2026-12-03T07:00:01.000Z", clock.Stamp(1));
    }

    [Fact]
    public void Stamp_WhenASegmentWasFinishedSoonerThanTheFirstBytesAllow_MovesEarlierSoNoSegmentEndsInTheFuture()
    {
        var clock = new IngestClock();
        clock.FirstBytes(FirstBytes);
        // The encoder's first bytes came late (its start-up); ten seconds in, segment 10 was finished at 9.6 s.
        var finished = FirstBytes.AddMilliseconds(9600);
        clock.Finished(10, finished);

        var end = DateTimeOffset.Parse(clock.Stamp(9)!, System.Globalization.CultureInfo.InvariantCulture).AddSeconds(1);
        Assert.True(end <= finished, $"segment 10 is stamped to end at {end:HH:mm:ss.fff}, after it was finished at {finished:HH:mm:ss.fff}");
        Assert.Equal("2026-12-03T06:59:59.600Z", clock.Stamp(0));
    }

    [Fact]
    public void Stamp_BeforeAnythingArrived_IsNull()
    {
        var clock = new IngestClock();
        clock.FirstBytes(null);

        Assert.Null(clock.Stamp(0));
    }
}

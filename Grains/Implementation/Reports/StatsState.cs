using System.Collections.Immutable;
using Realtime.Contracts.Reports;

namespace Realtime.Grains.Reports;

/// <summary>
/// The counters as plain fields: the table storage's JSON serializer cannot read an immutable dictionary back, so a
/// stats grain that kept <see cref="StatsCounters"/> itself could not be activated again after a restart.
/// </summary>
[GenerateSerializer, Alias("Realtime.StatsState")]
public sealed class StatsState
{
    [Id(0)] public int[] Totals { get; set; } = new int[9];

    [Id(1)] public Dictionary<string, int> RejectedByReason { get; set; } = [];

    /// <summary>
    /// The highest version applied from each source. Bounded: a month's district or department key hears from the
    /// programmes of about that month, a programme key from its own desk only.
    /// </summary>
    [Id(2)] public Dictionary<string, long> Applied { get; set; } = [];

    public StatsCounters Read()
    {
        var t = Totals.Length >= 9 ? Totals : [.. Totals, .. new int[9 - Totals.Length]];
        return new StatsCounters(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], RejectedByReason.ToImmutableDictionary());
    }

    public void Write(StatsCounters value)
    {
        Totals = [value.Received, value.Approved, value.AnsweredOnAir, value.FollowedUp, value.FollowUpAnswered, value.Overdue,
            value.Rejected, value.Ratings, value.RatingSum];
        RejectedByReason = new Dictionary<string, int>(value.RejectedByReason);
    }
}

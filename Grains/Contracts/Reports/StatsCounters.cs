using System.Collections.Immutable;

namespace Realtime.Contracts.Reports;

/// <summary>
/// Counters of one scope (a district, department or programme) in one month. Grains add deltas as things happen, so
/// reading a report costs the same however many questions were ever asked.
/// </summary>
[GenerateSerializer, Immutable, Alias("Realtime.StatsCounters")]
public sealed record StatsCounters(
    [property: Id(0)] int Received,
    [property: Id(1)] int Approved,
    [property: Id(2)] int AnsweredOnAir,
    [property: Id(3)] int FollowedUp,
    [property: Id(4)] int FollowUpAnswered,
    [property: Id(5)] int Overdue,
    [property: Id(6)] int Rejected,
    [property: Id(7)] int Ratings,
    [property: Id(8)] int RatingSum,
    [property: Id(9)] ImmutableDictionary<string, int> RejectedByReason)
{
    public static readonly StatsCounters Zero = new(0, 0, 0, 0, 0, 0, 0, 0, 0, ImmutableDictionary<string, int>.Empty);

    /// <summary>Average rating 1–5, or null before the first rating.</summary>
    public double? Satisfaction => Ratings == 0 ? null : Math.Round((double)RatingSum / Ratings, 2);

    public StatsCounters Add(StatsCounters d)
    {
        var reasons = RejectedByReason;
        foreach (var (reason, n) in d.RejectedByReason)
            reasons = reasons.SetItem(reason, reasons.GetValueOrDefault(reason) + n);
        return new(Received + d.Received, Approved + d.Approved, AnsweredOnAir + d.AnsweredOnAir, FollowedUp + d.FollowedUp,
            FollowUpAnswered + d.FollowUpAnswered, Overdue + d.Overdue, Rejected + d.Rejected, Ratings + d.Ratings,
            RatingSum + d.RatingSum, reasons);
    }
}

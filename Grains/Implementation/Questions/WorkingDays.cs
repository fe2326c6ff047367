using Realtime.Contracts.Reports;

namespace Realtime.Grains.Questions;

/// <summary>Follow-up deadlines in working days (Monday–Friday, minus holidays), counted in China Standard Time.</summary>
public static class WorkingDays
{
    /// <summary>The end (23:59:59 CST) of the n-th working day after <paramref name="from"/>.</summary>
    public static DateTimeOffset Add(DateTimeOffset from, int days, IReadOnlyCollection<DateOnly> holidays)
    {
        var local = from.ToOffset(StatsKeys.ChinaOffset);
        var date = DateOnly.FromDateTime(local.DateTime);
        var counted = 0;
        while (counted < days)
        {
            date = date.AddDays(1);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(date))
                counted++;
        }
        return new DateTimeOffset(date.ToDateTime(new TimeOnly(23, 59, 59)), StatsKeys.ChinaOffset);
    }
}

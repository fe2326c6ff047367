using System.Collections.Immutable;

namespace Realtime.Contracts.Common;

/// <summary>
/// Where a paged list stopped: the sort key (a time in ticks, or a number) and the id of the last item returned, or a
/// month boundary when a page stopped after searching as many months as one request may.
/// </summary>
[GenerateSerializer, Immutable, Alias("Realtime.PagePosition")]
public sealed record PagePosition([property: Id(0)] long Key, [property: Id(1)] string Id);

/// <summary>
/// One page of a list. <see cref="Next"/> is null at the end of the list; otherwise pass it back for the next page. A page
/// may hold fewer items than asked for (even none) and still have a next one: each request searches a bounded number
/// of partitions, so its cost does not grow with history.
/// </summary>
[GenerateSerializer, Immutable, Alias("Realtime.Page`1")]
public sealed record Page<T>([property: Id(0)] ImmutableArray<T> Items, [property: Id(1)] PagePosition? Next);

/// <summary>China Standard Time months ("yyyy-MM"), the unit by which lists that grow with history are partitioned.</summary>
public static class ChinaMonths
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static string Of(DateTimeOffset at) => at.ToOffset(Offset).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The first instant of the month, or null when the text is not a month from 2000-01 to 2099-12.</summary>
    public static DateTimeOffset? Start(string month) =>
        month.Length == 7 && month[4] == '-' && int.TryParse(month[..4], out var year) && int.TryParse(month[5..], out var m)
            && year is >= 2000 and <= 2099 && m is >= 1 and <= 12
            ? new DateTimeOffset(year, m, 1, 0, 0, 0, Offset)
            : null;

    public static string Next(string month) => Of(Start(month)!.Value.AddMonths(1));

    public static string Previous(string month) => Of(Start(month)!.Value.AddMonths(-1));
}

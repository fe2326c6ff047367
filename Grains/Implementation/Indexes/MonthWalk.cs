using Realtime.Contracts.Common;
using Realtime.Contracts.Programmes;

namespace Realtime.Grains.Indexes;

/// <summary>
/// Fills a page from month partitions, newest or oldest month first, from where the last page stopped, never past the
/// list's bounds, and at most <see cref="MonthsPerPage"/> months per request — then the page says where to continue
/// (a month edge, id ""), so one request costs the same in year ten as in week one.
/// </summary>
public static class MonthWalk
{
    public const int MonthsPerPage = 24;

    /// <param name="fetch">Up to n items of a month after the position, in the walk's order.</param>
    public static async Task<Page<T>> Run<T>(MonthBounds? bounds, bool descending, PagePosition? after, DateTimeOffset? from,
        DateTimeOffset? to, int take, Func<string, int, Task<IReadOnlyList<T>>> fetch, Func<T, PagePosition> positionOf)
    {
        if (bounds is null)
            return new Page<T>([], null);
        var found = new List<T>();
        var (month, stop) = descending
            ? (Min(StartMonth(descending, after, from, to), bounds.Last), Max(bounds.First, from is { } f ? ChinaMonths.Of(f) : bounds.First))
            : (Max(StartMonth(descending, after, from, to), bounds.First), Min(bounds.Last, to is { } t ? ChinaMonths.Of(t.AddTicks(-1)) : bounds.Last));
        for (var scanned = 0; !Beyond(month, stop, descending); scanned++)
        {
            if (scanned == MonthsPerPage)
            {
                var edge = ChinaMonths.Start(descending ? ChinaMonths.Next(month) : month)!.Value;
                return new Page<T>([.. found], new PagePosition(edge.UtcTicks, ""));
            }
            found.AddRange(await fetch(month, take - found.Count));
            if (found.Count >= take)
                return new Page<T>([.. found.Take(take)], positionOf(found[take - 1]));
            month = descending ? ChinaMonths.Previous(month) : ChinaMonths.Next(month);
        }
        return new Page<T>([.. found], null);
    }

    /// <summary>True when <paramref name="item"/> comes after the position in the walk's order (key, then id).</summary>
    public static bool IsAfter(long key, string id, PagePosition? position, bool descending)
    {
        if (position is null)
            return true;
        var order = key != position.Key ? key.CompareTo(position.Key) : string.CompareOrdinal(id, position.Id);
        return descending ? order < 0 : order > 0;
    }

    /// <summary>The month a page starts in: where the last one stopped, else the query's edge.</summary>
    private static string StartMonth(bool descending, PagePosition? after, DateTimeOffset? from, DateTimeOffset? to)
    {
        if (after is not null)
            return ChinaMonths.Of(new DateTimeOffset(after.Key - (descending && after.Id.Length == 0 ? 1 : 0), TimeSpan.Zero));
        var edge = descending ? to?.AddTicks(-1) : from;
        return edge is { } at ? ChinaMonths.Of(at) : descending ? "2099-12" : "2000-01";
    }

    private static bool Beyond(string month, string stop, bool descending) =>
        descending ? string.CompareOrdinal(month, stop) < 0 : string.CompareOrdinal(month, stop) > 0;

    private static string Min(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? a : b;

    private static string Max(string a, string b) => string.CompareOrdinal(a, b) >= 0 ? a : b;
}

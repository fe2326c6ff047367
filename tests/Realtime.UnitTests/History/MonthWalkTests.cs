using Realtime.Contracts.Common;
using Realtime.Contracts.Programmes;
using Realtime.Grains.Indexes;

namespace Realtime.UnitTests.History;

public sealed class MonthWalkTests
{
    // One item on the 10th of every month from 2020-01 to 2025-12 (72 months), ids in time order.
    private static readonly List<(string Month, DateTimeOffset At, string Id)> Items =
        [.. Enumerable.Range(0, 72).Select(i => new DateTimeOffset(2020, 1, 10, 12, 0, 0, ChinaMonths.Offset).AddMonths(i))
            .Select(at => (ChinaMonths.Of(at), at, "p" + at.ToString("yyyyMM")))];

    private static readonly MonthBounds Bounds = new("2020-01", "2025-12");

    [Fact]
    public async Task Run_NewestFirst_EveryItemOnceAcrossPages()
    {
        var seen = await All(descending: true, take: 5);
        Assert.Equal(Items.Select(i => i.Id).Reverse(), seen);
    }

    [Fact]
    public async Task Run_OldestFirstWithinDates_StopsAtTheDates()
    {
        var seen = await All(descending: false, take: 4, from: new DateTimeOffset(2024, 3, 1, 0, 0, 0, ChinaMonths.Offset),
            to: new DateTimeOffset(2024, 6, 1, 0, 0, 0, ChinaMonths.Offset));
        Assert.Equal(["p202403", "p202404", "p202405"], seen);
    }

    [Fact]
    public async Task Run_SearchesAtMostAFixedNumberOfMonthsPerRequest_ThenSaysWhereToContinue()
    {
        var fetched = 0;
        var page = await MonthWalk.Run<string>(Bounds, true, null, null, null, 5, (_, _) =>
        {
            fetched++;
            return Task.FromResult<IReadOnlyList<string>>([]); // nothing matches anywhere
        }, _ => throw new InvalidOperationException());
        Assert.Empty(page.Items);
        Assert.Equal(MonthWalk.MonthsPerPage, fetched);
        Assert.Equal("", page.Next!.Id);
        Assert.Equal(ChinaMonths.Start("2024-01")!.Value.UtcTicks, page.Next.Key); // continue below 2024-01 (the 25th month back)
    }

    private static async Task<List<string>> All(bool descending, int take, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        var seen = new List<string>();
        PagePosition? after = null;
        do
        {
            var position = after;
            var page = await MonthWalk.Run(Bounds, descending, position, from, to, take,
                (month, n) => Task.FromResult<IReadOnlyList<(string Month, DateTimeOffset At, string Id)>>([.. Items
                    .Where(i => i.Month == month && (from is null || i.At >= from) && (to is null || i.At < to)
                        && MonthWalk.IsAfter(i.At.UtcTicks, i.Id, position, descending))
                    .Take(n)]),
                i => new PagePosition(i.At.UtcTicks, i.Id));
            Assert.True(page.Items.Length <= take);
            seen.AddRange(page.Items.Select(i => i.Id));
            after = page.Next;
        }
        while (after is not null);
        return seen;
    }
}

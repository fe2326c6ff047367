using Realtime.Contracts.Programmes;
using Realtime.Testing;
using Xunit.Abstractions;

namespace Realtime.IntegrationTests.History;

/// <summary>Years of programmes leave every stored entity small: lists are rows in month partitions, not one growing state.</summary>
[Collection(HistoryCollection.Name)]
public sealed class BoundedStateTests(HistoryStack stack, ITestOutputHelper output)
{
    private const int Programmes = 2000;
    private static readonly string[] Districts = ["210102", "210103", "210104", "210105", "210106", "210111", "210112"];

    [Fact]
    public async Task TwoThousandProgrammesOverTwoYears_NoStoredEntityPasses64KiB_AndTheListsStillHoldThemAll()
    {
        using var admin = await stack.Api.AsAsync("admin");
        var first = DateTimeOffset.UtcNow.AddMonths(-18);
        var scheduled = await HistoryClient.InParallel(Programmes, 8, i =>
            admin.ScheduleAtAsync($"历史节目 {i}", first.AddHours(i * 9.3), Districts[i % 3 == 0 ? 0 : i % Districts.Length]));

        var (largest, entities) = await StorageEntities.ScanAsync(stack.Azurite.ConnectionString);
        output.WriteLine($"{entities} entities; largest {largest.Bytes} bytes in {largest.Table} ({largest.PartitionKey} / {largest.RowKey})");
        Assert.True(largest.Bytes <= 64 * 1024, $"{largest.Table} {largest.PartitionKey}/{largest.RowKey} is {largest.Bytes} bytes");

        // The busiest district (a third of everything) lists each of its programmes once, page by page.
        var busy = scheduled.Where(p => p.Districts.Contains(Districts[0])).Select(p => p.Id).ToHashSet();
        var listed = await admin.AllPagesAsync<ProgrammeSummary>($"/api/districts/{Districts[0]}/programmes?from={Uri.EscapeDataString(first.AddDays(-1).ToString("O"))}");
        Assert.Equal(busy.Count, listed.Count(p => busy.Contains(p.Id)));
        Assert.Equal(listed.Count, listed.Select(p => p.Id).Distinct().Count());

        // One page is one page, however much history there is.
        var page = await (await admin.GetAsync("/api/programmes?take=100")).Content.ReadAsByteArrayAsync();
        output.WriteLine($"/api/programmes?take=100: {page.Length} bytes");
        Assert.True(page.Length < 64 * 1024);
    }
}

using Azure.Data.Tables;
using Realtime.Contracts.Programmes;
using Realtime.Testing;

namespace Realtime.IntegrationTests.Resilience;

public sealed class TwoSiloStack : TestStack
{
    protected override int SiloCount => 2;
}

public sealed class TwoSiloClusterTests(TwoSiloStack stack) : IClassFixture<TwoSiloStack>
{
    [Fact]
    public async Task Cluster_TwoSilosOnTableMembership_LiveApiKeepsWorkingWhenOneIsKilled()
    {
        var table = new TableServiceClient(stack.Azurite.ConnectionString).GetTableClient("OrleansSiloInstances");
        var active = await ActiveSilos(table);
        Assert.Equal(2, active);

        using var admin = await stack.Api.AsAsync("admin");
        var programmes = new List<ProgrammeDetails>();
        for (var i = 0; i < 8; i++)
            programmes.Add(await admin.ScheduleAsync($"故障转移测试 {i}"));

        await stack.Silos[1].KillAsync();

        // Every programme, wherever it was activated, is readable and can still change state.
        foreach (var programme in programmes)
        {
            var live = await Eventually.Until(
                () => admin.PostAsync($"/api/programmes/{programme.Id}/live", null),
                r => r.IsSuccessStatusCode || r.StatusCode == System.Net.HttpStatusCode.Conflict,
                $"programme {programme.Id} going live after the kill");
            var after = await (await admin.GetAsync($"/api/programmes/{programme.Id}")).ReadAsync<ProgrammeDetails>();
            Assert.Equal(ProgrammeState.Live, after.State);
        }
        await Eventually.Until(() => ActiveSilos(table), n => n == 1, "the killed silo declared dead in the membership table");
    }

    private async Task<int> ActiveSilos(TableClient table)
    {
        var count = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == stack.ClusterId))
        {
            if (row.GetString("Status") == "Active")
                count++;
        }
        return count;
    }
}

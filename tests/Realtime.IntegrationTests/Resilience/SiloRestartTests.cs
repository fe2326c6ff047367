using Realtime.Contracts.Districts;
using Realtime.Contracts.Programmes;
using Realtime.Testing;

namespace Realtime.IntegrationTests.Resilience;

public sealed class SingleSiloStack : TestStack;

public sealed class SiloRestartTests(SingleSiloStack stack) : IClassFixture<SingleSiloStack>
{
    [Fact]
    public async Task GrainState_SiloKilledAndStartedAgain_IsStillThere()
    {
        using var admin = await stack.Api.AsAsync("admin");
        var programme = await admin.ScheduleAsync("重启测试", ["210106"]);
        (await admin.PostAsync($"/api/programmes/{programme.Id}/live", null)).EnsureSuccessStatusCode();

        await stack.Silos[0].KillAsync();
        var replacement = new SiloProcess(stack.Azurite, stack.ClusterId);
        stack.Silos.Add(replacement);
        await replacement.StartAsync();

        // LiveApi finds the new silo through the membership table, and the grains reload their state from it.
        var after = await Eventually.Until(
            async () => await (await admin.GetAsync($"/api/programmes/{programme.Id}")).ReadAsync<ProgrammeDetails>(),
            p => p is not null, "the programme through LiveApi after the restart");
        Assert.Equal(ProgrammeState.Live, after.State);
        Assert.Equal("重启测试", after.Title);
        var district = await (await admin.GetAsync("/api/districts/210106")).ReadAsync<DistrictInfo>();
        Assert.Contains(district.Programmes, p => p.Id == programme.Id && p.State == ProgrammeState.Live);
        Assert.Equal(13, (await (await admin.GetAsync("/api/districts")).ReadAsync<DistrictInfo[]>()).Length);
    }
}

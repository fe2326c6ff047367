using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Realtime.Contracts.Districts;
using Realtime.Contracts.Programmes;
using Realtime.Testing;

namespace Realtime.IntegrationTests.Foundation;

[Collection(SharedStackCollection.Name)]
public sealed class ProgrammePushTests(SharedStack stack)
{
    [Fact]
    public async Task GoLive_WatchersOnBothHosts_ReceiveLive()
    {
        using var admin = await stack.LiveApis[0].AsAsync("admin");
        var programme = await admin.ScheduleAsync("推送测试：两台主机");

        await using var first = stack.LiveApis[0].LiveHub();
        await using var second = stack.LiveApis[1].LiveHub();
        var firstSeen = Watch(first);
        var secondSeen = Watch(second);
        await first.StartAsync();
        await second.StartAsync();
        var snapshot = await first.InvokeAsync<ProgrammeDetails>("WatchProgramme", programme.Id);
        await second.InvokeAsync<ProgrammeDetails>("WatchProgramme", programme.Id);
        Assert.Equal(ProgrammeState.Scheduled, snapshot.State);

        (await admin.PostAsync($"/api/programmes/{programme.Id}/live", null)).EnsureSuccessStatusCode();

        var onFirst = await NextFor(firstSeen, programme.Id);
        var onSecond = await NextFor(secondSeen, programme.Id);
        Assert.Equal(ProgrammeState.Live, onFirst.State);
        Assert.Equal(ProgrammeState.Live, onSecond.State);
        Assert.NotNull(onSecond.StartedAt);
        Assert.True(onSecond.Version > snapshot.Version);
    }

    [Fact]
    public async Task WatchDistrict_ProgrammeCoveringItGoesLive_IsPushed_OtherDistrictsAreNot()
    {
        using var admin = await stack.Api.AsAsync("admin");
        var programme = await admin.ScheduleAsync("推送测试：区县", ["210123"]);

        await using var covered = stack.LiveApis[1].LiveHub();
        await using var other = stack.LiveApis[1].LiveHub();
        var coveredSeen = Watch(covered);
        var otherSeen = Watch(other);
        await covered.StartAsync();
        await other.StartAsync();
        var district = await covered.InvokeAsync<DistrictInfo>("WatchDistrict", "210123");
        await other.InvokeAsync<DistrictInfo>("WatchDistrict", "210124");
        Assert.Equal("康平县", district.Name);
        Assert.Contains(district.Programmes, p => p.Id == programme.Id);

        (await admin.PostAsync($"/api/programmes/{programme.Id}/live", null)).EnsureSuccessStatusCode();

        Assert.Equal(ProgrammeState.Live, (await NextFor(coveredSeen, programme.Id)).State);
        // The other district's watcher must not hear of it; give the push the same chance to arrive.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(otherSeen.TryRead(out _));
        var live = await (await stack.Api.CreateClient().GetAsync("/api/districts/210123")).ReadAsync<DistrictInfo>();
        Assert.Contains(live.Programmes, p => p.Id == programme.Id && p.State == ProgrammeState.Live);
    }

    [Fact]
    public async Task WatchProgramme_UnknownId_IsRefusedWithAClearMessage()
    {
        await using var hub = stack.Api.LiveHub();
        await hub.StartAsync();
        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<ProgrammeDetails>("WatchProgramme", "no-such-programme"));
        Assert.Contains("不存在", error.Message);
    }

    private static ChannelReader<ProgrammeDetails> Watch(HubConnection hub)
    {
        var channel = Channel.CreateUnbounded<ProgrammeDetails>();
        hub.On<ProgrammeDetails>("ProgrammeChanged", p => channel.Writer.TryWrite(p));
        return channel.Reader;
    }

    private static async Task<ProgrammeDetails> NextFor(ChannelReader<ProgrammeDetails> reader, string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var next = await reader.ReadAsync(timeout.Token);
            if (next.Id == id)
                return next;
        }
    }
}

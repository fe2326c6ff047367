using System.Collections.Concurrent;
using Realtime.Contracts.Questions;
using Realtime.Testing;
using Xunit.Abstractions;

namespace Realtime.IntegrationTests.Resilience;

public sealed class DeskDurabilityStack : TestStack;

/// <summary>A question acknowledged to its asker survives the silo being killed with SIGKILL mid-stream.</summary>
public sealed class DeskDurabilityTests(DeskDurabilityStack stack, ITestOutputHelper output) : IClassFixture<DeskDurabilityStack>
{
    [Fact]
    public async Task SiloKilledDuringSubmits_EveryAcknowledgedQuestionIsPresentAfterwards()
    {
        using var admin = await stack.Api.AsAsync("admin");
        var programme = await admin.ScheduleAsync("宕机测试", ["210102"]);
        (await admin.PostAsync($"/api/programmes/{programme.Id}/live", null)).EnsureSuccessStatusCode();

        var acknowledged = new ConcurrentDictionary<long, string>();
        var refused = 0;
        var viewers = await Task.WhenAll(Enumerable.Range(0, 60).Select(async _ => await DeskClient.ConnectAsync(stack.Api, await Tokens.ViewerAsync(stack.Api))));
        using var stop = new CancellationTokenSource();
        var sent = 0;
        var load = viewers.Select((viewer, v) => Task.Run(async () =>
        {
            // Five questions per viewer (the per-viewer limit of a minute), spread over three seconds so the kill lands mid-stream.
            await Task.Delay(v * 10);
            for (var i = 0; i < 5 && !stop.IsCancellationRequested; i++)
            {
                var text = $"观众{v}的第{i}个问题：{Guid.NewGuid():N}";
                Interlocked.Increment(ref sent);
                try
                {
                    var reply = await viewer.Submit(programme.Id, text);
                    if (reply.Ok)
                        acknowledged[reply.Value!.Question!.Id] = text;
                    else
                        Interlocked.Increment(ref refused);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref refused);
                }
                await Task.Delay(600);
            }
        })).ToList();

        await Eventually.Until(() => Task.FromResult(acknowledged.Count), n => n >= 30, "some questions acknowledged before the kill");
        await stack.Silos[0].KillAsync();
        var atKill = acknowledged.Count;
        await Task.WhenAll(load);
        var beforeRestart = acknowledged.Count;

        var replacement = new SiloProcess(stack.Azurite, stack.ClusterId);
        stack.Silos.Add(replacement);
        await replacement.StartAsync();

        using var host = await stack.Api.AsAsync("host");
        var snapshot = await Eventually.Until(
            async () => await (await host.GetAsync($"/api/programmes/{programme.Id}/moderation")).ReadAsync<ModeratorSnapshot>(),
            s => s is not null, "the desk through LiveApi after the restart");
        var present = snapshot.Questions.ToDictionary(q => q.Id, q => q.Text);
        var missing = acknowledged.Where(a => !present.TryGetValue(a.Key, out var text) || text != a.Value).ToList();
        output.WriteLine($"sent {sent}, acknowledged {atKill} before the kill and {acknowledged.Count} in all, refused or failed {refused}, present after restart {present.Count}");
        Assert.Equal(beforeRestart, acknowledged.Count);
        Assert.Empty(missing);
        Assert.True(present.Count >= acknowledged.Count);
        Assert.True(refused > 0, "the kill should have landed while questions were still being sent");
        foreach (var viewer in viewers)
            await viewer.DisposeAsync();
    }
}

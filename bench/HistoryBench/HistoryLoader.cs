using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Realtime.Contracts.FollowUps;
using Realtime.Contracts.Media;
using Realtime.Contracts.Programmes;
using Realtime.Contracts.Reports;

namespace Realtime.Bench.History;

/// <summary>
/// Writes the synthetic history through the real index grains and so into the real storage — the month partitions of
/// the catalogue and districts, the archive with its search rows, the departments' case partitions and the report
/// counters — as an Orleans client, like LiveApi. It skips only the per-question desk workflow that produced them
/// (which would take hours and is measured by DeskBench).
/// </summary>
public sealed class HistoryLoader : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly SemaphoreSlim _inFlight = new(64);

    private HistoryLoader(IHost host) => _host = host;

    private IGrainFactory Grains => _host.Services.GetRequiredService<IClusterClient>();

    public static async Task<HistoryLoader> ConnectAsync(string connectionString, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, "shenyang-realtime"));
            client.UseAzureStorageClustering(o => o.TableServiceClient = new TableServiceClient(connectionString));
        });
        var host = builder.Build();
        await host.StartAsync();
        return new HistoryLoader(host);
    }

    /// <summary>Loads the months; returns (programmes, answered questions, cases).</summary>
    public async Task<(int Programmes, int Answered, int Cases)> LoadAsync(SyntheticHistory history, IEnumerable<string> months)
    {
        var (programmes, answered, cases) = (0, 0, 0);
        foreach (var month in months)
        {
            var items = history.Month(month).ToList();
            var calls = new List<Task>();
            foreach (var p in items)
            {
                calls.AddRange(p.Summary.Districts.Select(ProgrammeScopes.District).Prepend(ProgrammeScopes.All)
                    .Select(scope => Call(() => Grains.GetGrain<IProgrammeMonthGrain>($"{scope}|{month}").Track(p.Summary))));
                if (p.Entry is { } entry)
                    calls.Add(Call(() => Grains.GetGrain<IArchiveGrain>(IArchiveGrain.Key).Publish(entry, 1)));
                calls.AddRange(p.Cases.Select(c => Call(() => Grains.GetGrain<IDepartmentGrain>(c.Info.Department).Track(c))));
                calls.AddRange(Counters(p).Select(s => Call(() => Grains.GetGrain<IStatsGrain>(s.Key).Apply("history:" + p.Summary.Id, [new StatsEntry(1, s.Delta)]))));
                programmes++;
                answered += p.Entry?.AnsweredQuestions.Length ?? 0;
                cases += p.Cases.Length;
            }
            await Task.WhenAll(calls);
            if (month.EndsWith("-12", StringComparison.Ordinal))
                Console.WriteLine($"  … {month}: {programmes:N0} programmes so far");
        }
        return (programmes, answered, cases);
    }

    /// <summary>What the programme's desk would have counted: for the programme, its first district and each case's department.</summary>
    private static IEnumerable<(string Key, StatsCounters Delta)> Counters(HistoricProgramme p)
    {
        if (p.Entry is null)
            yield break;
        var month = StatsKeys.Month(p.Summary.ScheduledStart);
        var total = StatsCounters.Zero with
        {
            Received = 30, Approved = 10 + p.Cases.Length, AnsweredOnAir = 10, FollowedUp = p.Cases.Length,
            FollowUpAnswered = p.Cases.Count(c => !c.IsOpen), Overdue = p.Cases.Count(c => c.Info.Overdue), Rejected = 20 - p.Cases.Length,
            Ratings = 12, RatingSum = 49,
        };
        yield return (StatsKeys.Programme(p.Summary.Id), total);
        yield return (StatsKeys.District(p.Summary.Districts[0], month), total);
        foreach (var department in p.Cases.GroupBy(c => c.Info.Department))
            yield return (StatsKeys.Department(department.Key, month), StatsCounters.Zero with { FollowedUp = department.Count(), FollowUpAnswered = department.Count(c => !c.IsOpen) });
    }

    private async Task Call(Func<Task> call)
    {
        await _inFlight.WaitAsync();
        try
        {
            await call();
        }
        finally
        {
            _inFlight.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

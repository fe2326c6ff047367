using System.Collections.Immutable;
using Orleans.Concurrency;
using Realtime.Contracts.Common;
using Realtime.Contracts.Programmes;
using Realtime.Grains.Indexes;

namespace Realtime.Grains.Programmes;

/// <summary>Reads the programme lists from their month partitions (see <see cref="MonthWalk"/>).</summary>
[StatelessWorker]
public sealed class ProgrammeListGrain : Grain, IProgrammeListGrain
{
    public static readonly TimeSpan WindowDays = TimeSpan.FromDays(7);

    public async Task<Page<ProgrammeSummary>> Page(ProgrammeQuery query, PagePosition? after) =>
        await MonthWalk.Run<ProgrammeSummary>(await GrainFactory.GetGrain<IProgrammeScopeGrain>(query.Scope).Bounds(), query.Descending, after,
            query.From, query.To, query.Take,
            async (month, n) => await GrainFactory.GetGrain<IProgrammeMonthGrain>($"{query.Scope}|{month}").Page(query, after, n),
            p => new PagePosition(p.ScheduledStart.UtcTicks, p.Id));

    public async Task<ProgrammeWindow> Window(string scope, DateTimeOffset now)
    {
        var (from, to) = (now - WindowDays, now + WindowDays);
        var query = new ProgrammeQuery(scope, false, from, to, null, int.MaxValue);
        var months = new List<string> { ChinaMonths.Of(from) };
        while (months[^1] != ChinaMonths.Of(to))
            months.Add(ChinaMonths.Next(months[^1]));
        var inWindow = (await Task.WhenAll(months.Select(m => GrainFactory.GetGrain<IProgrammeMonthGrain>($"{scope}|{m}").Page(query, null, int.MaxValue))))
            .SelectMany(p => p).ToList();
        var district = scope.StartsWith("district-", StringComparison.Ordinal) ? scope["district-".Length..] : null;
        var live = (await GrainFactory.GetGrain<ILiveProgrammesGrain>(ProgrammeScopes.All).List())
            .Where(p => district is null || p.Districts.Contains(district))
            .Concat(inWindow.Where(p => p.State == ProgrammeState.Live))
            .GroupBy(p => p.Id).Select(g => g.MaxBy(p => p.Version)!)
            .Where(p => p.State == ProgrammeState.Live).OrderBy(p => p.ScheduledStart).ToImmutableArray();
        return new ProgrammeWindow(live,
            [.. inWindow.Where(p => p.State == ProgrammeState.Scheduled)],
            [.. inWindow.Where(p => p.State is ProgrammeState.Ended or ProgrammeState.Archived).OrderByDescending(p => p.ScheduledStart)],
            from);
    }

    public Task<ImmutableArray<ProgrammeSummary>> Month(string scope, string month) =>
        GrainFactory.GetGrain<IProgrammeMonthGrain>($"{scope}|{month}").All();
}

using Microsoft.Extensions.Logging;
using Realtime.Contracts.Common;
using Realtime.Contracts.Districts;
using Realtime.Contracts.Programmes;

namespace Realtime.Grains.Seed;

/// <summary>Writes the districts, communities and demo programmes; safe to run on every start.</summary>
public sealed class DemoSeeder(IGrainFactory grains, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    public async Task SeedAsync(bool includeProgrammes, CancellationToken cancellationToken)
    {
        var communities = 0;
        foreach (var division in ShenyangDivisions.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Ensure(await grains.GetGrain<IDistrictGrain>(division.Code).Define(division.Name, division.Kind).ConfigureAwait(false));
            for (var i = 0; i < division.Communities.Length; i++, communities++)
            {
                var code = ShenyangDivisions.CommunityCode(division.Code, i);
                Ensure(await grains.GetGrain<ICommunityGrain>(code).Define(division.Communities[i], division.Code).ConfigureAwait(false));
            }
        }

        var programmes = 0;
        if (includeProgrammes)
        {
            foreach (var demo in DemoProgrammes.Build(clock.GetUtcNow()))
            {
                var grain = grains.GetGrain<IProgrammeGrain>(demo.Id);
                if (await grain.Get().ConfigureAwait(false) is not null)
                    continue;
                Ensure(await grain.Schedule(demo.Command).ConfigureAwait(false));
                if (demo.Target >= ProgrammeState.Live)
                    Ensure(await grain.GoLive().ConfigureAwait(false));
                if (demo.Target >= ProgrammeState.Ended)
                    Ensure(await grain.End().ConfigureAwait(false));
                programmes++;
            }
        }
        GrainsLog.DemoSeeded(logger, ShenyangDivisions.All.Count, communities, programmes);
    }

    private static void Ensure<T>(Result<T> result)
    {
        if (!result.IsOk)
            throw new InvalidOperationException($"Seeding failed: {result.Error} {result.Message}");
    }
}

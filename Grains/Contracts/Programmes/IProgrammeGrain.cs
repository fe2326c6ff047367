using Orleans.Concurrency;
using Realtime.Contracts.Common;

namespace Realtime.Contracts.Programmes;

/// <summary>One live broadcast, keyed by its id. Every change is pushed to the LiveApi hosts.</summary>
[Alias("Realtime.IProgrammeGrain")]
public interface IProgrammeGrain : IGrainWithStringKey
{
    /// <summary>Creates the programme; repeating the same command is harmless, a different one is refused.</summary>
    [Alias("Schedule")]
    Task<Result<ProgrammeDetails>> Schedule(ScheduleProgramme command);

    /// <summary>Null when no programme has this id. Interleaves: the desk grain reads it while this grain calls the desk.</summary>
    [AlwaysInterleave, Alias("Get")]
    Task<ProgrammeDetails?> Get();

    [Alias("GoLive")]
    Task<Result<ProgrammeDetails>> GoLive();

    [Alias("End")]
    Task<Result<ProgrammeDetails>> End();

    [Alias("Archive")]
    Task<Result<ProgrammeDetails>> Archive();
}

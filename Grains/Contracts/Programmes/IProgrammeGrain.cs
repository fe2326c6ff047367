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

    /// <summary>
    /// A transcode published its recording: early (<see cref="Media.Recording.Processing"/>) or finished, which also
    /// archives an ended programme. The archive entry follows from this grain's state, so it is listed exactly once.
    /// An early recording never replaces a finished one; a finished one replaces another job's finished replay only when
    /// <paramref name="replace"/> (an admin's explicit choice), and the outcome names the job it replaced.
    /// </summary>
    [Alias("PublishRecording")]
    Task<Media.PublishOutcome> PublishRecording(Media.Recording recording, bool replace);

    /// <summary>Takes back the early recording of this job (its transcoding failed for good or was cancelled).</summary>
    [Alias("WithdrawRecording")]
    Task WithdrawRecording(string jobId);
}

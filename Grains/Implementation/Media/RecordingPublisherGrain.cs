using Orleans.Concurrency;
using Realtime.Contracts.Media;
using Realtime.Contracts.Programmes;

namespace Realtime.Grains.Media;

/// <summary>
/// Silo-internal: hands a transcode's recording to its programme — early, while it still runs
/// (<see cref="Recording.Processing"/>), and when it finishes. The programme grain stores it and lists it in the
/// archive exactly once (see <see cref="IProgrammeGrain.PublishRecording"/>).
/// </summary>
[Alias("Realtime.IRecordingPublisher")]
public interface IRecordingPublisher : IGrainWithIntegerKey
{
    /// <summary>Publishes the recording (early while <see cref="Recording.Processing"/>; an early one is always "published").</summary>
    [Alias("Publish")]
    Task<PublishOutcome> Publish(Recording recording, bool replace);

    [Alias("Withdraw")]
    Task Withdraw(string programmeId, string jobId);
}

[StatelessWorker]
public sealed class RecordingPublisherGrain(IGrainFactory grains) : Grain, IRecordingPublisher
{
    public Task<PublishOutcome> Publish(Recording recording, bool replace) =>
        grains.GetGrain<IProgrammeGrain>(recording.ProgrammeId).PublishRecording(recording, replace);

    public Task Withdraw(string programmeId, string jobId) =>
        grains.GetGrain<IProgrammeGrain>(programmeId).WithdrawRecording(jobId);
}

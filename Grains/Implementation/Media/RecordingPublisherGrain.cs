using System.Collections.Immutable;
using Orleans.Concurrency;
using Realtime.Contracts.Media;
using Realtime.Contracts.Programmes;
using Realtime.Contracts.Questions;

namespace Realtime.Grains.Media;

/// <summary>
/// Silo-internal: turns a transcode into an archive entry — early, while it still runs (<see cref="Recording.Processing"/>),
/// and when it finishes, which also archives its programme.
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
    public async Task<PublishOutcome> Publish(Recording recording, bool replace)
    {
        var programmeGrain = grains.GetGrain<IProgrammeGrain>(recording.ProgrammeId);
        if (await programmeGrain.Get() is not { } programme)
            return new PublishOutcome(false, null);
        if (!recording.Processing && programme.State == ProgrammeState.Ended && (await programmeGrain.Archive()).Value is { } archived)
            programme = archived;

        var timeline = (await grains.GetGrain<IQuestionDeskGrain>(recording.ProgrammeId).GetTimeline()).Value;
        var answered = timeline.IsDefault ? [] : timeline.Where(t => t.Status == QuestionStatus.Answered).ToList();
        var departments = programme.Guests.Select(g => g.Department)
            .Concat(answered.Select(t => DeskCatalogue.FindDepartment(t.Department)?.Name).OfType<string>())
            .Distinct().ToImmutableArray();
        var entry = new ArchiveEntry(programme.ToSummary(), recording, departments, [.. answered.Select(t => t.Text)]);
        var archive = grains.GetGrain<IArchiveGrain>(IArchiveGrain.Key);
        if (!recording.Processing)
            return await archive.Publish(entry, replace);
        await archive.PublishEarly(entry);
        return new PublishOutcome(true, null);
    }

    public Task Withdraw(string programmeId, string jobId) =>
        grains.GetGrain<IArchiveGrain>(IArchiveGrain.Key).Withdraw(programmeId, jobId);
}

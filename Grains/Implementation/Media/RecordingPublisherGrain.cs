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
    [Alias("Publish")]
    Task Publish(Recording recording);

    [Alias("Withdraw")]
    Task Withdraw(string programmeId, string jobId);
}

[StatelessWorker]
public sealed class RecordingPublisherGrain(IGrainFactory grains) : Grain, IRecordingPublisher
{
    public async Task Publish(Recording recording)
    {
        var programmeGrain = grains.GetGrain<IProgrammeGrain>(recording.ProgrammeId);
        if (await programmeGrain.Get() is not { } programme)
            return;
        if (!recording.Processing && programme.State == ProgrammeState.Ended && (await programmeGrain.Archive()).Value is { } archived)
            programme = archived;

        var timeline = (await grains.GetGrain<IQuestionDeskGrain>(recording.ProgrammeId).GetTimeline()).Value;
        var answered = timeline.IsDefault ? [] : timeline.Where(t => t.Status == QuestionStatus.Answered).ToList();
        var departments = programme.Guests.Select(g => g.Department)
            .Concat(answered.Select(t => DeskCatalogue.FindDepartment(t.Department)?.Name).OfType<string>())
            .Distinct().ToImmutableArray();
        var entry = new ArchiveEntry(programme.ToSummary(), recording, departments, [.. answered.Select(t => t.Text)]);
        var archive = grains.GetGrain<IArchiveGrain>(IArchiveGrain.Key);
        await (recording.Processing ? archive.PublishEarly(entry) : archive.Publish(entry));
    }

    public Task Withdraw(string programmeId, string jobId) =>
        grains.GetGrain<IArchiveGrain>(IArchiveGrain.Key).Withdraw(programmeId, jobId);
}

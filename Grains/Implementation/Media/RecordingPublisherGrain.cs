using System.Collections.Immutable;
using Orleans.Concurrency;
using Realtime.Contracts.Media;
using Realtime.Contracts.Programmes;
using Realtime.Contracts.Questions;

namespace Realtime.Grains.Media;

/// <summary>Silo-internal: turns a finished transcode into an archive entry and archives its programme.</summary>
[Alias("Realtime.IRecordingPublisher")]
public interface IRecordingPublisher : IGrainWithIntegerKey
{
    [Alias("Publish")]
    Task Publish(Recording recording);
}

[StatelessWorker]
public sealed class RecordingPublisherGrain(IGrainFactory grains) : Grain, IRecordingPublisher
{
    public async Task Publish(Recording recording)
    {
        var programmeGrain = grains.GetGrain<IProgrammeGrain>(recording.ProgrammeId);
        if (await programmeGrain.Get() is not { } programme)
            return;
        if (programme.State == ProgrammeState.Ended && (await programmeGrain.Archive()).Value is { } archived)
            programme = archived;

        var timeline = (await grains.GetGrain<IQuestionDeskGrain>(recording.ProgrammeId).GetTimeline()).Value;
        var answered = timeline.IsDefault ? [] : timeline.Where(t => t.Status == QuestionStatus.Answered).ToList();
        var departments = programme.Guests.Select(g => g.Department)
            .Concat(answered.Select(t => DeskCatalogue.FindDepartment(t.Department)?.Name).OfType<string>())
            .Distinct().ToImmutableArray();
        await grains.GetGrain<IArchiveGrain>(IArchiveGrain.Key).Publish(
            new ArchiveEntry(programme.ToSummary(), recording, departments, [.. answered.Select(t => t.Text)]));
    }
}

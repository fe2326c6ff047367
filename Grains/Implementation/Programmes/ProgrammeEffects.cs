using System.Collections.Immutable;
using Realtime.Contracts.Common;
using Realtime.Contracts.Live;
using Realtime.Contracts.Media;
using Realtime.Contracts.Programmes;
using Realtime.Contracts.Questions;

namespace Realtime.Grains.Programmes;

/// <summary>
/// What a programme's state implies elsewhere: the lists that show it (catalogue, its districts), its desk (an ended
/// programme's unanswered questions become follow-ups), its archive entry, and the live push. Every step makes the
/// target match the given state and may be repeated, so the programme grain applies it until it succeeds.
/// </summary>
public sealed class ProgrammeEffects(IGrainFactory grains)
{
    public async Task Apply(ProgrammeGrainState state)
    {
        var details = state.Details!;
        var summary = details.ToSummary();
        var month = ChinaMonths.Of(details.ScheduledStart);
        await Task.WhenAll(details.Districts.Select(ProgrammeScopes.District).Prepend(ProgrammeScopes.All)
            .Select(scope => grains.GetGrain<IProgrammeMonthGrain>($"{scope}|{month}").Track(summary))
            .Append(grains.GetGrain<ILiveProgrammesGrain>(ProgrammeScopes.All).Track(summary)));
        // A desk reads its programme when it activates: a newly scheduled one need not wake it (thousands are scheduled ahead).
        if (details.State != ProgrammeState.Scheduled)
            await grains.GetGrain<IQuestionDeskGrain>(details.Id).ProgrammeChanged(details);
        if (state.Recording is { } recording)
            await Publish(details, recording, state.Revision);
        else if (state.EverPublished)
            await grains.GetGrain<IArchiveGrain>(IArchiveGrain.Key).Remove(summary, state.Revision);
        await grains.GetGrain<ILivePublisherGrain>(0).Publish(new ProgrammeChanged(details));
    }

    /// <summary>The archive entry: the recording, the departments that took part and the questions answered on air.</summary>
    private async Task Publish(ProgrammeDetails programme, Recording recording, long revision)
    {
        var timeline = (await grains.GetGrain<IQuestionDeskGrain>(programme.Id).GetTimeline()).Value;
        var answered = timeline.IsDefault ? [] : timeline.Where(t => t.Status == QuestionStatus.Answered).ToList();
        var departments = programme.Guests.Select(g => g.Department)
            .Concat(answered.Select(t => DeskCatalogue.FindDepartment(t.Department)?.Name).OfType<string>())
            .Distinct().ToImmutableArray();
        var entry = new ArchiveEntry(programme.ToSummary(), recording, departments, [.. answered.Select(t => t.Text)]);
        await grains.GetGrain<IArchiveGrain>(IArchiveGrain.Key).Publish(entry, revision);
    }
}

using System.Collections.Immutable;
using Realtime.Contracts.Media;
using Realtime.Contracts.Programmes;
using Realtime.Contracts.Questions;
using Realtime.Contracts.Reports;
using Realtime.Grains.Questions;

namespace Realtime.Grains.Media;

[GenerateSerializer, Alias("Realtime.ArchiveState")]
public sealed class ArchiveState
{
    [Id(0)] public Dictionary<string, ArchiveEntry> Entries { get; set; } = [];
}

/// <summary>The public archive: published programmes, searchable by district, department, series, date and answered questions.</summary>
public sealed class ArchiveGrain([PersistentState("archive", StorageNames.Default)] IPersistentState<ArchiveState> state) : Grain, IArchiveGrain
{
    public async Task<PublishOutcome> Publish(ArchiveEntry entry, bool replace)
    {
        var previous = state.State.Entries.GetValueOrDefault(entry.Programme.Id)?.Recording;
        var replaces = previous is { Processing: false } && previous.JobId != entry.Recording.JobId ? previous.JobId : null;
        if (replaces is not null && !replace)
            return new PublishOutcome(false, null);
        state.State.Entries[entry.Programme.Id] = entry;
        await state.WriteStateAsync();
        return new PublishOutcome(true, replaces);
    }

    public async Task PublishEarly(ArchiveEntry entry)
    {
        if (state.State.Entries.TryGetValue(entry.Programme.Id, out var existing) && !existing.Recording.Processing)
            return;
        state.State.Entries[entry.Programme.Id] = entry;
        await state.WriteStateAsync();
    }

    public async Task Withdraw(string programmeId, string jobId)
    {
        if (state.State.Entries.TryGetValue(programmeId, out var existing) && existing.Recording is { Processing: true } recording && recording.JobId == jobId)
        {
            state.State.Entries.Remove(programmeId);
            await state.WriteStateAsync();
        }
    }

    public Task<ArchiveEntry?> Get(string programmeId) => Task.FromResult(state.State.Entries.GetValueOrDefault(programmeId));

    public Task<ImmutableArray<ArchiveEntry>> Search(ArchiveQuery query)
    {
        var department = DeskCatalogue.FindDepartment(query.Department)?.Name ?? query.Department;
        var text = string.IsNullOrWhiteSpace(query.Text) ? null : TextSimilarity.Normalize(query.Text);
        var found = state.State.Entries.Values.Where(e =>
                (query.District is null || e.Programme.Districts.Contains(query.District))
                && (department is null || e.Departments.Any(d => d.Contains(department, StringComparison.Ordinal)))
                && (query.Series is null || e.Programme.Series == query.Series)
                && (query.From is null || LocalDate(e) >= query.From)
                && (query.To is null || LocalDate(e) <= query.To)
                && (text is null || TextSimilarity.Normalize(e.Programme.Title).Contains(text, StringComparison.Ordinal)
                    || e.AnsweredQuestions.Any(q => TextSimilarity.Normalize(q).Contains(text, StringComparison.Ordinal))))
            .OrderByDescending(e => e.Programme.ScheduledStart);
        return Task.FromResult(found.ToImmutableArray());
    }

    private static DateOnly LocalDate(ArchiveEntry entry) =>
        DateOnly.FromDateTime(entry.Programme.ScheduledStart.ToOffset(StatsKeys.ChinaOffset).DateTime);
}

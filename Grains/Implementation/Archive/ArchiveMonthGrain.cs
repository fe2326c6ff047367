using System.Collections.Immutable;
using Orleans.Concurrency;
using Realtime.Contracts.Common;
using Realtime.Contracts.Media;
using Realtime.Contracts.Programmes;
using Realtime.Contracts.Questions;
using Realtime.Grains.Indexes;
using Realtime.Grains.Questions;

namespace Realtime.Grains.Archive;

/// <summary>
/// The archive entries of one month with their search index, rebuilt from the stored (already normalised) rows when the
/// grain activates. Reentrant: searches interleave with publishing, writes share batches.
/// </summary>
[Reentrant]
public sealed class ArchiveMonthGrain(IndexTables tables) : Grain, IArchiveMonthGrain
{
    public const string Table = "RealtimeArchive";
    private readonly ArchiveSearchIndex _index = new();
    private readonly Dictionary<string, ArchiveEntry> _entries = new(StringComparer.Ordinal);
    private IndexPartition<ArchiveRow> _rows = null!;

    private string Month => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _rows = new IndexPartition<ArchiveRow>(tables, Table, Month, () => DeactivateOnIdle());
        await _rows.LoadAsync(cancellationToken);
        foreach (var key in _rows.Keys.Where(k => k.StartsWith("e|", StringComparison.Ordinal)).ToList())
            Rebuild(key[2..]);
    }

    public async Task Publish(ArchiveEntry entry, long revision)
    {
        var id = entry.Programme.Id;
        var rows = new List<(string Key, ArchiveRow Row)>
        {
            (ArchiveRow.EntryKey(id), new ArchiveRow(id, entry with { AnsweredQuestions = [] }, null, TextSimilarity.Normalize(entry.Programme.Title))),
        };
        rows.AddRange(entry.AnsweredQuestions.Select((q, i) => (ArchiveRow.QuestionKey(id, i), new ArchiveRow(id, null, q, TextSimilarity.Normalize(q)))));
        var stale = _entries.GetValueOrDefault(id)?.AnsweredQuestions.Length ?? 0;
        await Task.WhenAll(rows.Select(r => _rows.Upsert(r.Key, revision, r.Row))
            .Concat(Enumerable.Range(rows.Count - 1, Math.Max(0, stale - rows.Count + 1)).Select(i => _rows.Upsert(ArchiveRow.QuestionKey(id, i), revision, null))));
        Rebuild(id);
        await GrainFactory.GetGrain<IProgrammeScopeGrain>(IArchiveGrain.Key).Extend(Month);
    }

    public async Task Remove(string programmeId, long revision)
    {
        var questions = _entries.GetValueOrDefault(programmeId)?.AnsweredQuestions.Length ?? 0;
        await Task.WhenAll(Enumerable.Range(0, questions).Select(i => _rows.Upsert(ArchiveRow.QuestionKey(programmeId, i), revision, null))
            .Append(_rows.Upsert(ArchiveRow.EntryKey(programmeId), revision, null)));
        Rebuild(programmeId);
    }

    public Task<ArchiveEntry?> Get(string programmeId) => Task.FromResult(_entries.GetValueOrDefault(programmeId));

    public Task<ImmutableArray<ArchiveHit>> Search(ArchiveQuery query, PagePosition? after, int take)
    {
        var text = string.IsNullOrWhiteSpace(query.Text) ? "" : TextSimilarity.Normalize(query.Text);
        var scores = text.Length == 0 ? null : _index.Match(text);
        var department = DeskCatalogue.FindDepartment(query.Department)?.Name ?? query.Department;
        var (from, to) = (query.FromInstant, query.ToInstant);
        var hits = _entries.Values
            .Where(e => (scores is null || scores.ContainsKey(e.Programme.Id))
                && (query.District is null || e.Programme.Districts.Contains(query.District))
                && (department is null || e.Departments.Any(d => d.Contains(department, StringComparison.Ordinal)))
                && (query.Series is null || e.Programme.Series == query.Series)
                && (from is null || e.Programme.ScheduledStart >= from) && (to is null || e.Programme.ScheduledStart < to))
            .Select(e => new ArchiveHit(e, Position(e, scores?.GetValueOrDefault(e.Programme.Id) ?? 0)))
            .Where(h => after is null || after.Key != h.Position.Key || string.CompareOrdinal(h.Position.Id, after.Id) > 0)
            .OrderBy(h => h.Position.Id, StringComparer.Ordinal)
            .Take(take);
        return Task.FromResult(hits.ToImmutableArray());
    }

    /// <summary>
    /// Sorts within the month: best score, then newest, then id — encoded so that ascending text order is that order
    /// (both numbers are stored as their complement). The key is the month, so a later month's position covers all of it.
    /// </summary>
    private PagePosition Position(ArchiveEntry entry, double score) => new(ChinaMonths.Start(Month)!.Value.UtcTicks,
        $"{99999 - (int)Math.Round(Math.Min(score, 9.9999) * 10000):D5}|{long.MaxValue - entry.Programme.ScheduledStart.UtcTicks:D19}|{entry.Programme.Id}");

    /// <summary>The programme's entry and index from its stored rows (whichever revision won).</summary>
    private void Rebuild(string programmeId)
    {
        _entries.Remove(programmeId);
        _index.Remove(programmeId);
        if (_rows.Find(ArchiveRow.EntryKey(programmeId)) is not { Entry: { } entry } entryRow)
            return;
        var questions = new List<ArchiveRow>();
        while (_rows.Find(ArchiveRow.QuestionKey(programmeId, questions.Count)) is { Question: not null } question)
            questions.Add(question);
        _entries[programmeId] = entry with { AnsweredQuestions = [.. questions.Select(q => q.Question!)] };
        foreach (var row in questions.Prepend(entryRow))
            _index.Add(programmeId, row.Normalized);
    }
}

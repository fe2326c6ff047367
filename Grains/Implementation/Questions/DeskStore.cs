using System.Collections.Immutable;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Realtime.Contracts.Questions;

namespace Realtime.Grains.Questions;

/// <summary>
/// Questions, votes, bans, settings and the moderation log of every desk, as rows of one Azure table. Each question is
/// its own row, so a change costs one row whatever the size of the programme; rows are spread over
/// <see cref="Shards"/> partitions per programme and written as batch transactions (≤ 100 rows of one partition),
/// all partitions in parallel — one round of writes acknowledges every command that arrived during it. Desks created
/// since the block layout spread questions by runs of <see cref="Block"/> ids, so the new questions of one round share
/// one partition (one transaction, not one per question up to 8); older desks keep their rows where they are.
/// </summary>
public sealed class DeskStore(TableServiceClient service)
{
    public const string TableName = "RealtimeDesk";
    public const int Shards = 8;
    public const int IdLayout = 0;
    public const int BlockLayout = 1;
    public const int Block = 64;
    private const int MaxBatch = 100;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    private readonly TableClient _table = service.GetTableClient(TableName);
    private readonly SemaphoreSlim _creating = new(1, 1);
    private volatile bool _created;

    /// <summary>
    /// Writes a change set. A question row carries every unconfirmed effect of its question
    /// (<paramref name="questionEffects"/>) and a rating row its own, so a row and what it implies are stored by one write.
    /// </summary>
    /// <param name="settingsFirst">The layout is not stored yet: the settings row is written (and durable) before any row
    /// placed by it, so a crash in between never leaves rows that a reload would look for elsewhere.</param>
    public async Task WriteAsync(string programmeId, DeskChangeSet changes, DeskSettings settings,
        Func<long, ImmutableArray<DeskEffect>> questionEffects, bool settingsFirst = false)
    {
        await EnsureTable();
        var rows = new List<TableEntity>();
        foreach (var change in changes.Questions.Values)
        {
            var q = change.Question;
            var row = Row($"{programmeId}|q{Partition(q.Id, settings.Layout)}", q.Id.ToString("D10"), JsonSerializer.Serialize(q, Json));
            if (questionEffects(q.Id) is { IsEmpty: false } effects)
                row[EffectsColumn] = JsonSerializer.Serialize(effects, Json);
            rows.Add(row);
        }
        foreach (var (questionId, voterId) in changes.Votes)
            rows.Add(Row($"{programmeId}|v{Partition(questionId, settings.Layout)}", $"{questionId:D10}|{voterId}", null));
        var ratingEffects = changes.Effects.Where(e => e.Row.RaterId is not null).ToDictionary(e => e.Row, e => e.Effect);
        foreach (var (questionId, viewerId, score, comment) in changes.Ratings)
        {
            var row = Row($"{programmeId}|r{Partition(questionId, settings.Layout)}", $"{questionId:D10}|{viewerId}", JsonSerializer.Serialize(new StoredRating(score, comment), Json));
            if (ratingEffects.TryGetValue(new EffectRow(questionId, viewerId), out var effect))
                row[EffectsColumn] = JsonSerializer.Serialize(ImmutableArray.Create(effect), Json);
            rows.Add(row);
        }
        foreach (var viewer in changes.Banned)
            rows.Add(Row($"{programmeId}|desk", "ban|" + viewer, null));
        foreach (var entry in changes.Log)
            rows.Add(Row($"{programmeId}|log", (long.MaxValue - entry.Sequence).ToString("D19"), JsonSerializer.Serialize(entry, Json)));
        if (changes.SettingsChanged)
            rows.Add(Row($"{programmeId}|desk", "settings", JsonSerializer.Serialize(settings, Json)));

        if (settingsFirst && rows.FindIndex(r => r.RowKey == "settings") is var settingsRow and >= 0)
        {
            await _table.UpsertEntityAsync(rows[settingsRow], TableUpdateMode.Replace);
            rows.RemoveAt(settingsRow);
        }
        var batches = rows.GroupBy(r => r.PartitionKey).SelectMany(p => p.Chunk(MaxBatch));
        await Task.WhenAll(batches.Select(batch =>
            _table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)))));
    }

    /// <summary>The shard of a question's rows: its id modulo <see cref="Shards"/>, or its run of <see cref="Block"/> ids.</summary>
    public static long Partition(long questionId, int layout) =>
        layout == BlockLayout ? questionId / Block % Shards : questionId % Shards;

    public async Task<DeskStored> LoadAsync(string programmeId, CancellationToken cancellationToken)
    {
        await EnsureTable();
        var questions = new List<Question>();
        var votes = new List<(long, string)>();
        var ratings = new List<(long, string, int)>();
        var effects = new List<(EffectRow, DeskEffect)>();
        await Task.WhenAll(Enumerable.Range(0, Shards).Select(async shard =>
        {
            var found = new List<Question>();
            var implied = new List<(EffectRow, DeskEffect)>();
            await foreach (var row in Partition($"{programmeId}|q{shard}", cancellationToken))
            {
                var question = JsonSerializer.Deserialize<Question>(row.GetString("Data"), Json)!;
                found.Add(question);
                implied.AddRange(EffectsOf(row).Select(e => (EffectRow.OfQuestion(question.Id), e)));
            }
            var cast = new List<(long, string)>();
            await foreach (var row in Partition($"{programmeId}|v{shard}", cancellationToken))
                cast.Add(SplitKey(row.RowKey));
            var rated = new List<(long, string, int)>();
            await foreach (var row in Partition($"{programmeId}|r{shard}", cancellationToken))
            {
                var (questionId, viewerId) = SplitKey(row.RowKey);
                rated.Add((questionId, viewerId, JsonSerializer.Deserialize<StoredRating>(row.GetString("Data"), Json)!.Score));
                implied.AddRange(EffectsOf(row).Select(e => (new EffectRow(questionId, viewerId), e)));
            }
            lock (questions)
            {
                questions.AddRange(found);
                votes.AddRange(cast);
                ratings.AddRange(rated);
                effects.AddRange(implied);
            }
        }));

        DeskSettings? settings = null;
        var banned = new List<string>();
        await foreach (var row in Partition($"{programmeId}|desk", cancellationToken))
        {
            if (row.RowKey == "settings")
                settings = JsonSerializer.Deserialize<DeskSettings>(row.GetString("Data"), Json);
            else if (row.RowKey.StartsWith("ban|", StringComparison.Ordinal))
                banned.Add(row.RowKey[4..]);
        }
        var log = new List<ModerationLogEntry>();
        await foreach (var row in Partition($"{programmeId}|log", cancellationToken))
        {
            log.Add(JsonSerializer.Deserialize<ModerationLogEntry>(row.GetString("Data"), Json)!);
            if (log.Count >= 100)
                break;
        }
        return new DeskStored(settings, questions, votes, banned, log, ratings, effects);
    }

    /// <summary>A page of the moderation log, newest first, starting below <paramref name="beforeSequence"/>.</summary>
    public async Task<IReadOnlyList<ModerationLogEntry>> ReadLogAsync(string programmeId, long? beforeSequence, int take)
    {
        await EnsureTable();
        var fromKey = (long.MaxValue - (beforeSequence ?? long.MaxValue) + 1).ToString("D19");
        var entries = new List<ModerationLogEntry>();
        var pk = $"{programmeId}|log";
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == pk && string.Compare(e.RowKey, fromKey) >= 0, maxPerPage: take))
        {
            entries.Add(JsonSerializer.Deserialize<ModerationLogEntry>(row.GetString("Data"), Json)!);
            if (entries.Count >= take)
                break;
        }
        return entries;
    }

    private static (long QuestionId, string ViewerId) SplitKey(string rowKey)
    {
        var split = rowKey.IndexOf('|');
        return (long.Parse(rowKey[..split]), rowKey[(split + 1)..]);
    }

    private sealed record StoredRating(int Score, string? Comment);

    private const string EffectsColumn = "Fx";

    private static IEnumerable<DeskEffect> EffectsOf(TableEntity row) => row.GetString(EffectsColumn) is { } json
        ? JsonSerializer.Deserialize<ImmutableArray<DeskEffect>>(json, Json)
        : [];

    private AsyncPageable<TableEntity> Partition(string partitionKey, CancellationToken cancellationToken) =>
        _table.QueryAsync<TableEntity>(e => e.PartitionKey == partitionKey, cancellationToken: cancellationToken);

    /// <summary>Creates the table once per silo; a failed attempt (storage down) is tried again by the next call.</summary>
    private async Task EnsureTable()
    {
        if (_created)
            return;
        await _creating.WaitAsync();
        try
        {
            if (!_created)
            {
                await _table.CreateIfNotExistsAsync();
                _created = true;
            }
        }
        finally
        {
            _creating.Release();
        }
    }

    private static TableEntity Row(string partitionKey, string rowKey, string? data)
    {
        var row = new TableEntity(partitionKey, rowKey);
        if (data is not null)
            row["Data"] = data;
        return row;
    }
}

using Azure.Data.Tables;

namespace Realtime.Grains.Indexes;

/// <summary>
/// One item of an index partition as stored: a row of its own, so no row grows with the partition. Empty
/// <see cref="Data"/> marks an item taken out (a tombstone keeps its version, so a late older write cannot bring it back).
/// </summary>
public sealed record IndexRow(string Key, long Version, string Data)
{
    public bool Removed => Data.Length == 0;
}

/// <summary>
/// The rows of the index tables (one table per kind of list). A partition is one grain's worth of items (one owner, one
/// month); it is read whole when the grain activates and written in batch transactions of ≤ 100 rows.
/// </summary>
public sealed class IndexTables(TableServiceClient service)
{
    private const int MaxBatch = 100;
    private readonly Dictionary<string, Task> _created = [];

    public async Task<List<IndexRow>> LoadAsync(string table, string partition, CancellationToken cancellationToken = default)
    {
        var client = await Table(table);
        var rows = new List<IndexRow>();
        await foreach (var row in client.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
            rows.Add(new IndexRow(row.RowKey, row.GetInt64("V") ?? 0, row.GetString("Data") ?? ""));
        return rows;
    }

    /// <summary>Upserts the rows in one transaction per 100 rows (all of one partition).</summary>
    public async Task WriteAsync(string table, string partition, IReadOnlyCollection<IndexRow> rows)
    {
        var client = await Table(table);
        foreach (var chunk in rows.Chunk(MaxBatch))
        {
            await client.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new TableEntity(partition, r.Key) { ["V"] = r.Version, ["Data"] = r.Data })));
        }
    }

    private async Task<TableClient> Table(string name)
    {
        Task creating;
        lock (_created)
        {
            if (!_created.TryGetValue(name, out creating!) || creating.IsFaulted)
                _created[name] = creating = service.GetTableClient(name).CreateIfNotExistsAsync();
        }
        await creating;
        return service.GetTableClient(name);
    }
}

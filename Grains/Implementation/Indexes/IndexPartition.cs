using System.Text.Json;
using Realtime.Grains.Common;

namespace Realtime.Grains.Indexes;

/// <summary>
/// The items of one index partition in memory, loaded once when its grain activates and written back row by row through
/// a <see cref="GroupCommit"/>: an upsert is acknowledged once its row is stored, and concurrent upserts share one
/// batch write. An item older than the stored one is ignored, so repeating an upsert is harmless.
/// </summary>
public sealed class IndexPartition<T>(IndexTables tables, string table, string partition, Action broken) where T : class
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<string, (long Version, T? Item)> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IndexRow> _dirty = new(StringComparer.Ordinal);
    private GroupCommit? _commit;
    private bool _failed;

    /// <summary>Items present (not taken out).</summary>
    public IEnumerable<T> Items => _items.Values.Where(v => v.Item is not null).Select(v => v.Item!);

    /// <summary>Keys of the items present.</summary>
    public IEnumerable<string> Keys => _items.Where(i => i.Value.Item is not null).Select(i => i.Key);

    public int Count => _items.Count;

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        foreach (var row in await tables.LoadAsync(table, partition, cancellationToken))
            _items[row.Key] = (row.Version, row.Removed ? null : JsonSerializer.Deserialize<T>(row.Data, Json));
    }

    public T? Find(string key) => _items.TryGetValue(key, out var found) ? found.Item : null;

    /// <summary>Stores the item (null: takes it out) unless a newer version is stored; completes once persisted.</summary>
    public Task Upsert(string key, long version, T? item)
    {
        if (_items.TryGetValue(key, out var known) && known.Version >= version)
            return Persisted();
        _items[key] = (version, item);
        _dirty[key] = new IndexRow(key, version, item is null ? "" : JsonSerializer.Serialize(item, Json));
        return Persisted();
    }

    /// <summary>Even a repeat waits for a write: the first attempt may be in memory but not yet stored.</summary>
    private Task Persisted() => (_commit ??= new GroupCommit(WriteOnce)).Commit();

    private async Task WriteOnce()
    {
        if (_failed)
            throw new InvalidOperationException($"Index partition {table}/{partition} is reloading after a failed write.");
        if (_dirty.Count == 0)
            return;
        var rows = _dirty.Values.ToList();
        _dirty.Clear();
        try
        {
            await tables.WriteAsync(table, partition, rows);
        }
        catch
        {
            _failed = true; // memory holds what storage may not: the grain must reload
            broken();
            throw;
        }
    }
}

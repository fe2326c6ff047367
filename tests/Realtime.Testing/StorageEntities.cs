using Azure.Data.Tables;

namespace Realtime.Testing;

/// <summary>
/// Reads every entity of every table, as an operator checking the storage account would, and sizes it by Azure Table
/// storage's own formula (4 bytes + 2 per key character + per property 8 + 2 per name character + the value).
/// </summary>
public static class StorageEntities
{
    public sealed record Largest(string Table, string PartitionKey, string RowKey, int Bytes);

    public static async Task<(Largest Largest, long Entities)> ScanAsync(string connectionString, Func<string, bool>? tables = null)
    {
        var service = new TableServiceClient(connectionString);
        var largest = new Largest("", "", "", 0);
        long count = 0;
        await foreach (var table in service.QueryAsync())
        {
            if (tables is not null && !tables(table.Name))
                continue;
            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                count++;
                var bytes = Size(entity);
                if (bytes > largest.Bytes)
                    largest = new Largest(table.Name, entity.PartitionKey, entity.RowKey, bytes);
            }
        }
        return (largest, count);
    }

    public static int Size(TableEntity entity) => 4 + (entity.PartitionKey.Length + entity.RowKey.Length) * 2
        + entity.Keys.Where(k => k is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
            .Sum(k => 8 + k.Length * 2 + entity[k] switch
            {
                string s => s.Length * 2 + 4,
                byte[] b => b.Length + 4,
                BinaryData d => d.ToArray().Length + 4,
                bool => 1,
                int => 4,
                Guid => 16,
                _ => 8,
            });
}

using Azure.Data.Tables;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.BadInput;

/// <summary>Every entity in the tables of one test (by prefix), without the fields storage itself changes.</summary>
public sealed record StorageSnapshot(IReadOnlyDictionary<string, string> Entities)
{
    public static async Task<StorageSnapshot> TakeAsync(string tablePrefix)
    {
        var service = new TableServiceClient(Azurite.ConnectionString);
        var entities = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var table in service.QueryAsync())
        {
            if (!table.Name.StartsWith(tablePrefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                var fields = entity.Keys
                    .Where(k => k is not "Timestamp" and not "odata.etag")
                    .OrderBy(k => k, StringComparer.Ordinal)
                    .Select(k => $"{k}={entity[k]}");
                entities[$"{table.Name}/{entity.PartitionKey}/{entity.RowKey}"] = string.Join("|", fields);
            }
        }

        return new StorageSnapshot(entities);
    }

    /// <summary>The entities of this snapshot that are gone or different in <paramref name="later"/>.</summary>
    public IReadOnlyList<string> ChangedIn(StorageSnapshot later) =>
        Entities.Where(e => !later.Entities.TryGetValue(e.Key, out var now) || now != e.Value).Select(e => e.Key).ToList();
}

using Azure;
using Azure.Data.Tables;

namespace Pilot.Shared.Storage;

public static class TableClientExtensions
{
    /// <summary>
    /// Replaces the entity only if nobody changed it since it was read (its ETag), and keeps the new
    /// ETag on it. False when someone did, or it is gone: the caller re-reads and decides again.
    /// </summary>
    public static async Task<bool> TryReplaceAsync<T>(this TableClient table, T entity, CancellationToken ct)
        where T : ITableEntity
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(entity);
        try
        {
            var response = await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, ct);
            entity.ETag = response.Headers.ETag ?? entity.ETag;
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>Adds the entity and keeps its ETag on it; false when a row with its keys is already there.</summary>
    public static async Task<bool> TryAddAsync<T>(this TableClient table, T entity, CancellationToken ct)
        where T : ITableEntity
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(entity);
        try
        {
            var response = await table.AddEntityAsync(entity, ct);
            entity.ETag = response.Headers.ETag ?? entity.ETag;
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Deletes a row whatever its ETag; one already gone is fine.</summary>
    public static async Task DeleteIfExistsAsync(this TableClient table, string partitionKey, string rowKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        try
        {
            await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Gone already.
        }
    }

    /// <summary>Deletes every row the filter finds (reading only their keys); returns how many.</summary>
    public static async Task<int> DeleteWhereAsync(this TableClient table, string filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        var count = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: ct))
        {
            await table.DeleteIfExistsAsync(row.PartitionKey, row.RowKey, ct);
            count++;
        }

        return count;
    }
}

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
}

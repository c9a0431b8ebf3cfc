using Azure;
using Azure.Data.Tables;
using Pilot.Shared.Storage;

namespace Pilot.Shared.Reminders.Dispatch;

/// <summary>The last due bucket the dispatch tick has fully read; one small entity.</summary>
public sealed class DispatchCursor(StorageClients storage)
{
    private const string Partition = "reminders";
    private const string Row = "dispatch";

    public async Task<(DateTimeOffset? LastMinute, ETag ETag)> ReadAsync(CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.Cursors, ct);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: ct);
        return found.HasValue && found.Value is { } entity
            ? (DueBuckets.Parse(entity.GetString("LastBucket")), entity.ETag)
            : (null, default);
    }

    /// <summary>Moves the cursor forward; a tick that lost the race to another tick leaves it be.</summary>
    public async Task AdvanceAsync(DateTimeOffset lastMinute, ETag etag, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.Cursors, ct);
        var entity = new TableEntity(Partition, Row) { ["LastBucket"] = DueBuckets.Name(lastMinute) };
        try
        {
            if (etag == default)
            {
                await table.AddEntityAsync(entity, ct);
            }
            else
            {
                await table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, ct);
            }
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // An overlapping tick moved it first; its reading covers ours.
        }
    }
}

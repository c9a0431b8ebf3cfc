using Azure;
using Azure.Data.Tables;
using Pilot.Shared.Storage;

namespace Pilot.Shared.Vacancies.Alerts;

/// <summary>The last vacancy-feed minute the alert timer has fully read; one small entity in Cursors.</summary>
public sealed class AlertCursor(StorageClients storage)
{
    private const string Partition = "vacancies";
    private const string Row = "alerts";

    public async Task<(string? LastBucket, ETag ETag)> ReadAsync(CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.Cursors, ct);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: ct);
        return found.HasValue && found.Value is { } entity ? (entity.GetString("LastBucket"), entity.ETag) : (null, default);
    }

    /// <summary>Moves the cursor on; a run that lost the race to an overlapping run leaves it be.</summary>
    public async Task AdvanceAsync(string lastBucket, ETag etag, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.Cursors, ct);
        var entity = new TableEntity(Partition, Row) { ["LastBucket"] = lastBucket };
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
            // An overlapping run moved it first.
        }
    }
}

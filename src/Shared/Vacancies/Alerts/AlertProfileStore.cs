using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Pilot.Shared.Parents;
using Pilot.Shared.Postcodes;
using Pilot.Shared.Storage;
using Pilot.Shared.Vacancies.Areas;

namespace Pilot.Shared.Vacancies.Alerts;

/// <summary>The AlertProfiles table: a row per opted-in parent in the cell of their start point.</summary>
public sealed class AlertProfileStore(StorageClients storage)
{
    private Task<TableClient> Table(CancellationToken ct) => storage.TableAsync(TableNames.AlertProfiles, ct);

    public async Task UpsertAsync(ParentEntity parent, JobSearch search, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(search);
        var start = new GeoPoint(parent.Latitude, parent.Longitude);
        await (await Table(ct)).UpsertEntityAsync(new AlertProfileEntity
        {
            PartitionKey = GeoGrid.ProfilePartition(start, search.MaxTravelKm),
            RowKey = parent.Id,
            Latitude = start.Latitude,
            Longitude = start.Longitude,
            JobSearch = JsonSerializer.Serialize(search, JsonDefaults.Web),
        }, TableUpdateMode.Replace, ct);
    }

    public async Task DeleteAsync(ParentEntity parent, JobSearch search, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(search);
        try
        {
            await (await Table(ct)).DeleteEntityAsync(GeoGrid.ProfilePartition(new GeoPoint(parent.Latitude, parent.Longitude), search.MaxTravelKm), parent.Id, ETag.All, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Not there: nothing to stop.
        }
    }

    /// <summary>Every profile whose partition key lies in the inclusive range: one query.</summary>
    public async Task<IReadOnlyList<AlertProfileEntity>> InRangeAsync(string from, string to, CancellationToken ct)
    {
        var table = await Table(ct);
        var found = new List<AlertProfileEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey le {to}");
        await foreach (var profile in table.QueryAsync<AlertProfileEntity>(filter, maxPerPage: 1000, cancellationToken: ct))
        {
            found.Add(profile);
        }

        return found;
    }
}

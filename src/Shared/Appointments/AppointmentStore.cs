using Azure;
using Azure.Data.Tables;
using Pilot.Shared.Storage;

namespace Pilot.Shared.Appointments;

public sealed class AppointmentStore(StorageClients storage)
{
    private Task<TableClient> Table(CancellationToken ct) => storage.TableAsync(TableNames.Appointments, ct);

    public async Task<AppointmentEntity?> GetAsync(string id, CancellationToken ct)
    {
        if (!TableKeys.IsUsable(id))
        {
            return null;
        }

        var found = await (await Table(ct)).GetEntityIfExistsAsync<AppointmentEntity>(id, id, cancellationToken: ct);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>False when an appointment with this id already exists.</summary>
    public async Task<bool> TryAddAsync(AppointmentEntity appointment, CancellationToken ct)
    {
        try
        {
            var response = await (await Table(ct)).AddEntityAsync(appointment, ct);
            appointment.ETag = response.Headers.ETag ?? appointment.ETag;
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<bool> TryReplaceAsync(AppointmentEntity appointment, CancellationToken ct)
        => await (await Table(ct)).TryReplaceAsync(appointment, ct);

    /// <summary>
    /// The <paramref name="take"/> soonest appointments starting at or after <paramref name="from"/> and after the cursor,
    /// of one office (null: every office), soonest first. The table is keyed by id for point reads, so there is no index
    /// by office and time: the office and time are filtered by the table service and only the matches' summary columns
    /// come back, of which the soonest are kept (memory bounded by <paramref name="take"/>).
    /// </summary>
    public async Task<IReadOnlyList<AppointmentEntity>> SoonestAsync(string? officeId, DateTimeOffset from, AppointmentCursor? after, int take, CancellationToken ct)
    {
        var start = after is { } cursor && cursor.StartsAt > from ? cursor.StartsAt : from;
        var filter = officeId is null
            ? TableClient.CreateQueryFilter($"StartsAt ge {start}")
            : TableClient.CreateQueryFilter($"OfficeId eq {officeId} and StartsAt ge {start}");
        var soonest = new SortedSet<AppointmentEntity>(Comparer<AppointmentEntity>.Create(AppointmentCursor.Compare));
        string[] columns = ["PartitionKey", "RowKey", "OfficeId", "ParentId", "VenueId", "Kind", "StartsAt", "AdviserName", "Status", "Version"];
        await foreach (var appointment in (await Table(ct)).QueryAsync<AppointmentEntity>(filter, select: columns, cancellationToken: ct))
        {
            if (after is not null && AppointmentCursor.Compare(appointment, after) <= 0)
            {
                continue;
            }

            soonest.Add(appointment);
            if (soonest.Count > take)
            {
                soonest.Remove(soonest.Max!);
            }
        }

        return [.. soonest];
    }
}

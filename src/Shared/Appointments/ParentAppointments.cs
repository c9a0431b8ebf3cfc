using Azure.Data.Tables;
using Pilot.Shared.Storage;

namespace Pilot.Shared.Appointments;

/// <summary>
/// A parent's booked appointments still to come, soonest first, for their own page. Appointments have no by-parent
/// index, so this is one filtered query over the table: read when a parent opens their link, which is rare (the same
/// trade-off as erasure). At the pilot's size (30 centres) that is a few thousand rows.
/// </summary>
public sealed class ParentAppointments(StorageClients storage, TimeProvider time)
{
    public const int MaxShown = 10;

    public async Task<IReadOnlyList<AppointmentEntity>> UpcomingAsync(string parentId, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.Appointments, ct);
        var now = time.GetUtcNow();
        var found = new List<AppointmentEntity>();
        var filter = TableClient.CreateQueryFilter($"ParentId eq {parentId} and Status eq {AppointmentStatuses.Booked} and StartsAt ge {now}");
        await foreach (var appointment in table.QueryAsync<AppointmentEntity>(filter, cancellationToken: ct))
        {
            found.Add(appointment);
        }

        return [.. found.OrderBy(a => a.StartsAt).Take(MaxShown)];
    }
}

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
}

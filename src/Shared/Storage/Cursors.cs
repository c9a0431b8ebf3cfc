using Azure;
using Azure.Data.Tables;

namespace Pilot.Shared.Storage;

/// <summary>A timer's place in a stream of minutes: one small entity in the Cursors table.</summary>
public sealed record CursorName(string Partition, string Row)
{
    /// <summary>The last due bucket the reminder dispatch tick has fully read.</summary>
    public static readonly CursorName ReminderDispatch = new("reminders", "dispatch");

    /// <summary>The last vacancy-feed minute the alert timer has fully read.</summary>
    public static readonly CursorName VacancyAlerts = new("vacancies", "alerts");
}

/// <summary>
/// Reads and moves the timers' cursors. A cursor only moves after everything up to it was done, so a run that
/// dies leaves it where it was and the next run reads the same minutes again (their work is idempotent).
/// </summary>
public sealed class Cursors(StorageClients storage)
{
    public async Task<(string? Last, ETag ETag)> ReadAsync(CursorName name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(name);
        var table = await storage.TableAsync(TableNames.Cursors, ct);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(name.Partition, name.Row, cancellationToken: ct);
        return found.HasValue && found.Value is { } entity ? (entity.GetString("LastBucket"), entity.ETag) : (null, default);
    }

    /// <summary>Moves the cursor on from where it was read; a run that lost the race to an overlapping run leaves it be.</summary>
    public async Task AdvanceAsync(CursorName name, string last, ETag etag, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(name);
        var table = await storage.TableAsync(TableNames.Cursors, ct);
        var entity = new TableEntity(name.Partition, name.Row) { ["LastBucket"] = last };
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
            // An overlapping run moved it first; its reading covers ours.
        }
    }
}

using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Pilot.Shared.Access;
using Pilot.Shared.Letters.Dispatch;
using Pilot.Shared.Reminders;
using Pilot.Shared.Sms.Inbound;
using Pilot.Shared.Sms.Limits;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Storage;
using Pilot.Shared.WfiInvitations;

namespace Pilot.Shared.Parents.Erasure;

/// <summary>
/// Erases a parent's personal data everywhere Pilot stores it. Rows that count for management information
/// (appointments, appointment texts, WFI invitations) are kept with the parent id replaced by a random
/// erasure id and every personal field removed; everything else about the parent is deleted. Pending texts
/// are cancelled first, so nothing is sent after an erasure. The profile goes last: an erasure that fails
/// half-way is finished by calling it again. Counts are recorded in the Erasures table.
/// <para>Cost: Texts, Appointments, Outbox and AlertProfiles have no by-parent index, so each is one
/// filtered scan (server-side filter); the letters container is listed once. Erasure is rare.</para>
/// </summary>
public sealed class ParentErasure(
    StorageClients storage, ParentStore parents, WfiInvitationStore invitations, LetterStore letterStore,
    NumberKeys numberKeys, TimeProvider time, ILogger<ParentErasure> logger)
{
    public const string CancelReason = "parent-erased";

    /// <summary>
    /// Erases for the parent's own office, or central (a subject-access request); who asked is recorded.
    /// Null when no parent of the caller's has this id (never registered, another office's, or erased before).
    /// </summary>
    public async Task<ErasureReport?> EraseAsync(Caller caller, string parentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (await parents.GetAsync(parentId, ct) is not { } parent || !(caller.CanChange(parent.OfficeId) || caller.Role == Role.Central))
        {
            return null;
        }

        var erasureId = "erased-" + Guid.NewGuid().ToString("N");
        var now = time.GetUtcNow();
        var (texts, cancelled) = await EraseTextsAsync(parentId, erasureId, now, ct);
        var appointments = await AnonymiseAsync(TableNames.Appointments, parentId, erasureId, ct);
        var outbox = await DeleteWhereAsync(TableNames.Outbox, TableClient.CreateQueryFilter($"To eq {parent.Mobile}"), ct);
        var inbound = await DeleteWhereAsync(TableNames.InboundTexts, TableClient.CreateQueryFilter($"PartitionKey eq {parentId}"), ct)
            + await DeleteWhereAsync(TableNames.InboundTexts, TableClient.CreateQueryFilter($"PartitionKey eq {InboundTextEntity.Unmatched} and From eq {parent.Mobile}"), ct);
        var alerts = await DeleteWhereAsync(TableNames.AlertLedger, TableClient.CreateQueryFilter($"PartitionKey eq {parentId}"), ct)
            + await DeleteWhereAsync(TableNames.AlertProfiles, TableClient.CreateQueryFilter($"RowKey eq {parentId}"), ct);
        // The hourly-cap row (and any left from clock-hour counting) is keyed by the number and holds the message ids that took a slot.
        await DeleteWhereAsync(TableNames.NumberHourCounts, TableClient.CreateQueryFilter($"PartitionKey eq {numberKeys.KeyOf(parent.Mobile)}"), ct);
        var (invited, letters) = await EraseInvitationsAsync(parentId, erasureId, now, ct);

        var report = new ErasureReport(erasureId, now, caller.Principal, appointments, texts, cancelled, outbox, inbound, alerts, invited, letters);
        await (await storage.TableAsync(TableNames.Erasures, ct)).AddEntityAsync(new TableEntity(now.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), erasureId)
        {
            ["ErasedAt"] = now,
            ["RequestedBy"] = caller.Principal,
            ["Appointments"] = appointments,
            ["Texts"] = texts,
            ["TextsCancelled"] = cancelled,
            ["OutboxMessages"] = outbox,
            ["InboundTexts"] = inbound,
            ["AlertRows"] = alerts,
            ["Invitations"] = invited,
            ["Letters"] = letters,
        }, ct);

        await DeleteWhereAsync(TableNames.Parents, TableClient.CreateQueryFilter($"PartitionKey eq {ParentStore.MobilePartition(parent.Mobile)} and RowKey eq {parentId}"), ct);
        await DeleteWhereAsync(TableNames.Parents, TableClient.CreateQueryFilter($"PartitionKey eq {parentId}"), ct);
        logger.LogInformation("Parent {ParentId} erased as {ErasureId} at the request of {RequestedBy}", parentId, erasureId, caller.Principal);
        return report;
    }

    /// <summary>Alert and digest texts carry the parent id in their key and are deleted; appointment texts are anonymised, pending ones cancelled.</summary>
    private async Task<(int Texts, int Cancelled)> EraseTextsAsync(string parentId, string erasureId, DateTimeOffset now, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.Texts, ct);
        int count = 0, cancelled = 0;
        await foreach (var text in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"ParentId eq {parentId}"), cancellationToken: ct))
        {
            count++;
            var state = text.GetString(nameof(TextEntity.State));
            if (state is not null && TextStates.IsPending(state))
            {
                cancelled++;
            }

            if (text.RowKey.Contains(parentId, StringComparison.Ordinal))
            {
                await table.DeleteIfExistsAsync(text.PartitionKey, text.RowKey, ct);
                continue;
            }

            await ReplaceAsync(table, text, row =>
            {
                row[nameof(TextEntity.ParentId)] = erasureId;
                row.Remove(nameof(TextEntity.To));
                row.Remove(nameof(TextEntity.Body));
                row.Remove(nameof(TextEntity.LastError));
                if (row.GetString(nameof(TextEntity.State)) is { } current && TextStates.IsPending(current))
                {
                    row[nameof(TextEntity.State)] = TextStates.Cancelled;
                    row[nameof(TextEntity.StateChangedAt)] = now;
                    row[nameof(TextEntity.CompletedAt)] = now;
                    row[nameof(TextEntity.CancelReason)] = CancelReason;
                }
            }, ct);
        }

        return (count, cancelled);
    }

    private async Task<int> AnonymiseAsync(string tableName, string parentId, string erasureId, CancellationToken ct)
    {
        var table = await storage.TableAsync(tableName, ct);
        var count = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"ParentId eq {parentId}"), cancellationToken: ct))
        {
            count++;
            await ReplaceAsync(table, row, r => r["ParentId"] = erasureId, ct);
        }

        return count;
    }

    /// <summary>Invitations stay (anonymised, open ones cancelled) for take-up figures; their letters and by-parent index rows go.</summary>
    private async Task<(int Invitations, int Letters)> EraseInvitationsAsync(string parentId, string erasureId, DateTimeOffset now, CancellationToken ct)
    {
        var found = await invitations.ForParentAsync(parentId, ct);
        var letters = 0;
        foreach (var invitation in found)
        {
            letters += await letterStore.DeleteEveryCopyAsync(invitation.Reference, ct);
            if (invitation.Status is WfiInvitationStatuses.Requested or WfiInvitationStatuses.LetterReady or WfiInvitationStatuses.Posted)
            {
                await invitations.CloseAsync(invitation, ct);
            }
        }

        var table = await storage.TableAsync(TableNames.WfiInvitations, ct);
        foreach (var invitation in found)
        {
            var row = (await table.GetEntityAsync<TableEntity>(invitation.OfficeId, invitation.Id, cancellationToken: ct)).Value;
            await ReplaceAsync(table, row, r =>
            {
                r[nameof(WfiInvitationEntity.ParentId)] = erasureId;
                r.Remove(nameof(WfiInvitationEntity.LetterBlob));
                if (r.GetString(nameof(WfiInvitationEntity.Status)) is WfiInvitationStatuses.Requested or WfiInvitationStatuses.LetterReady or WfiInvitationStatuses.Posted)
                {
                    r[nameof(WfiInvitationEntity.Status)] = WfiInvitationStatuses.Cancelled;
                    r[nameof(WfiInvitationEntity.CancelledAt)] = now;
                }
            }, ct);
        }

        // Again, now that every invitation is cancelled: a letter job that stored a PDF while the first sweep ran
        // finds its invitation cancelled from here on and stores no other (WfiLetterJobs re-reads it first).
        foreach (var invitation in found)
        {
            letters += await letterStore.DeleteEveryCopyAsync(invitation.Reference, ct);
        }

        await DeleteWhereAsync(TableNames.WfiInvitationIndex, TableClient.CreateQueryFilter($"PartitionKey eq {WfiInvitationStore.ParentPartition(parentId)}"), ct);
        return (found.Count, letters);
    }

    private async Task<int> DeleteWhereAsync(string tableName, string filter, CancellationToken ct)
        => await (await storage.TableAsync(tableName, ct)).DeleteWhereAsync(filter, ct);

    /// <summary>Replaces the row as changed, re-reading it when someone (the sender, a receipt) changed it meanwhile.</summary>
    private static async Task ReplaceAsync(TableClient table, TableEntity row, Action<TableEntity> change, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            change(row);
            try
            {
                await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < 5)
            {
                var fresh = await table.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: ct);
                if (!fresh.HasValue || fresh.Value is null)
                {
                    return;
                }

                row = fresh.Value;
            }
        }
    }
}

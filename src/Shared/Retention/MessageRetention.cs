using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pilot.Shared.Reminders;
using Pilot.Shared.Sms.Inbound;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Storage;

namespace Pilot.Shared.Retention;

/// <summary>
/// Deletes what parents wrote and what we wrote to them once the retention period is over, and
/// keeps what the figures need: a text keeps its kind, state, times, provider, fragments and cost,
/// and loses its body and number; a reply is deleted whole; the outbox keeps its status rows.
/// <para>
/// Texts are keyed by due minute, so each night reads only the minutes between the last purge
/// (less a two-day look-back for late sends) and the cut-off, filtered server-side to rows that
/// still hold a body. Replies are few, and the outbox is the local default: both are read by age.
/// </para>
/// </summary>
public sealed partial class MessageRetention(StorageClients storage, WebhookReceipts webhookReceipts, IOptions<RetentionOptions> options, TimeProvider time, ILogger<MessageRetention> logger)
{
    private const string CursorPartition = "retention";
    private const string CursorRow = "texts";
    private static readonly TimeSpan LookBack = TimeSpan.FromDays(2);
    private static readonly TimeSpan FirstRunWindow = TimeSpan.FromDays(60);
    private static readonly string[] PersonalTextFields = ["Body", "To"];

    public async Task<RetentionReport> PurgeAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - TimeSpan.FromDays(Math.Max(1, options.Value.Days));
        var cursors = await storage.TableAsync(TableNames.Cursors, ct);
        var cursor = await cursors.GetEntityIfExistsAsync<TableEntity>(CursorPartition, CursorRow, cancellationToken: ct);
        var from = cursor.HasValue && cursor.Value is { } last
            ? DueBuckets.Parse(last.GetString("LastBucket")) - LookBack
            : cutoff - FirstRunWindow;
        var lower = DueBuckets.Name(DueBuckets.LastDueMinute(from));
        var upper = DueBuckets.Name(DueBuckets.LastDueMinute(cutoff));

        var texts = await ClearAsync(TableNames.Texts, TableClient.CreateQueryFilter($"PartitionKey ge {lower} and PartitionKey lt {upper} and Body gt {""}"), cutoff, "SentAt", ct);

        // The outbox (the embedded SMS default) holds every message id, replies included: read by age.
        var outbox = await ClearAsync(TableNames.Outbox, TableClient.CreateQueryFilter($"AcceptedAt lt {cutoff} and Body gt {""}"), cutoff, "AcceptedAt", ct);
        var replies = await DeleteRepliesAsync(cutoff, ct);
        await DeleteOldHourCountsAsync(ct);
        await webhookReceipts.DeleteOlderThanAsync(time.GetUtcNow() - WebhookReceipts.KeptFor, ct);

        await cursors.UpsertEntityAsync(new TableEntity(CursorPartition, CursorRow) { ["LastBucket"] = upper }, TableUpdateMode.Replace, ct);
        LogPurged(cutoff, texts, outbox, replies);
        return new RetentionReport(cutoff, texts, outbox, replies);
    }

    private async Task<int> ClearAsync(string tableName, string filter, DateTimeOffset cutoff, string stampField, CancellationToken ct)
    {
        var table = await storage.TableAsync(tableName, ct);
        var cleared = 0;
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            // A text due before the cut-off but sent after it keeps its body until its own time is up.
            if (entity.GetDateTimeOffset(stampField) is { } stamp && stamp > cutoff)
            {
                continue;
            }

            foreach (var field in PersonalTextFields)
            {
                entity.Remove(field);
            }

            entity["BodyPurgedAt"] = time.GetUtcNow();
            try
            {
                await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, ct);
                cleared++;
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404)
            {
                // Changed (a late receipt) or gone since it was read: the next night clears it.
            }
        }

        return cleared;
    }

    private async Task<int> DeleteRepliesAsync(DateTimeOffset cutoff, CancellationToken ct)
        => await (await storage.TableAsync(TableNames.InboundTexts, ct)).DeleteWhereAsync(TableClient.CreateQueryFilter($"ReceivedAt lt {cutoff}"), ct);

    /// <summary>
    /// A number's hourly-cap row is only needed for 60 minutes after its last claim (<c>LastClaimAt</c>); a day's worth is kept for operators.
    /// A delete is ETag-checked, so a claim written since the row was read keeps its slot. Rows keyed by clock hour
    /// (<c>yyyyMMddHH</c>, before the rolling window) older than a day go too.
    /// </summary>
    private async Task DeleteOldHourCountsAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - TimeSpan.FromDays(1);
        var clockHourBefore = cutoff.UtcDateTime.ToString("yyyyMMddHH", System.Globalization.CultureInfo.InvariantCulture);
        var table = await storage.TableAsync(TableNames.NumberHourCounts, ct);
        var idle = TableClient.CreateQueryFilter($"LastClaimAt lt {cutoff} or RowKey lt {clockHourBefore}");
        // Whole rows (a few slots each) so each comes with its ETag.
        await foreach (var row in table.QueryAsync<TableEntity>(idle, cancellationToken: ct))
        {
            try
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, ct);
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404)
            {
                // Claimed again since it was read (it is no longer idle), or gone.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: before {Cutoff:O}, cleared {Texts} text bodies and {Outbox} outbox bodies, deleted {Replies} replies")]
    private partial void LogPurged(DateTimeOffset cutoff, int texts, int outbox, int replies);
}

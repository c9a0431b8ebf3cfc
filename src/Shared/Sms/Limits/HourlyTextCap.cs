using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pilot.Shared.Storage;

namespace Pilot.Shared.Sms.Limits;

/// <summary>
/// At most <see cref="SmsOptions.MaxPerNumberPerHour"/> texts to one number in one UTC clock hour
/// (table <see cref="TableNames.NumberHourCounts"/>, one row per number and hour). A row lists the message ids
/// that hold its slots, so a text claiming again (a repeat, a second queue message) keeps its one slot rather
/// than taking another; rows change only by ETag-checked writes, so two workers cannot both take the last slot.
/// </summary>
public sealed class HourlyTextCap(StorageClients storage, IOptions<SmsOptions> options, ILogger<HourlyTextCap> logger)
{
    private const string MessageIdsColumn = "MessageIds";
    private const char Separator = '\n';
    private const int MaxConcurrencyRetries = 10;

    /// <summary>Takes a slot in this hour for the message; false when the hour's slots are all taken by others.</summary>
    public Task<bool> TryClaimAsync(string number, string messageId, DateTimeOffset now, CancellationToken ct) =>
        ClaimAsync(number, messageId, now, overCapAllowed: false, ct);

    /// <summary>
    /// Counts a text sent outside the queued path (a reply to the parent's own text, a WFI notice), which cannot wait:
    /// it is counted against the hour even when over the cap, so queued texts then wait longer. True when within the cap.
    /// </summary>
    public Task<bool> CountAsync(string number, string messageId, DateTimeOffset now, CancellationToken ct) =>
        ClaimAsync(number, messageId, now, overCapAllowed: true, ct);

    private async Task<bool> ClaimAsync(string number, string messageId, DateTimeOffset now, bool overCapAllowed, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        var key = NumberHour.Of(number, now);
        var cap = options.Value.MaxPerNumberPerHour;
        var table = await storage.TableAsync(TableNames.NumberHourCounts, ct);
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            var found = await table.GetEntityIfExistsAsync<TableEntity>(key.NumberHash, key.Hour, cancellationToken: ct);
            var row = found.HasValue ? found.Value : null;
            var held = row?.GetString(MessageIdsColumn) is { Length: > 0 } ids ? ids.Split(Separator) : [];
            if (held.Contains(messageId, StringComparer.Ordinal))
            {
                return true;
            }

            var within = held.Length < cap;
            if (!within && !overCapAllowed)
            {
                return false;
            }

            var updated = new TableEntity(key.NumberHash, key.Hour)
            {
                [MessageIdsColumn] = string.Join(Separator, held.Append(messageId)),
                ["Count"] = held.Length + 1,
            };
            try
            {
                if (row is null)
                {
                    await table.AddEntityAsync(updated, ct);
                }
                else
                {
                    await table.UpdateEntityAsync(updated, row.ETag, TableUpdateMode.Replace, ct);
                }

                if (!within)
                {
                    logger.LogWarning("A text that cannot wait went to a number that had its {Cap} texts this hour ({Count} now)", cap, held.Length + 1);
                }

                return within;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another send to the same number took a slot meanwhile: read the row again.
            }
        }

        throw new RequestFailedException(412, $"The hourly count for one number kept changing ({MaxConcurrencyRetries} tries).");
    }
}

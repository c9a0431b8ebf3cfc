using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pilot.Shared.Storage;

namespace Pilot.Shared.Sms.Limits;

/// <summary>
/// At most <see cref="SmsOptions.MaxPerNumberPerHour"/> texts to one number in any 60 minutes (a rolling window,
/// <see cref="NumberHour"/>). Table <see cref="TableNames.NumberHourCounts"/> holds one row per number (PK the number's
/// keyed hash, <see cref="NumberKeys"/>, RK <see cref="RowFor"/> of it) listing the slots claimed in the last hour, each a message id and its claim time,
/// so a text claiming again (a repeat, a second queue message) keeps its one slot rather than taking another. Rows
/// change only by ETag-checked writes, so two workers cannot both take the last slot.
/// <para>
/// Each row as this process last read or wrote it is remembered, with its ETag, and read from there: the sender's
/// decision costs no request for a number this process texted before, and the claim, written against the remembered
/// ETag, fails (412) if anyone changed the row since, so it is read again and the decision made anew. A remembered
/// row can be out of date, never wrong where it counts.
/// </para>
/// </summary>
public sealed class HourlyTextCap(StorageClients storage, NumberKeys numberKeys, IOptions<SmsOptions> options, ILogger<HourlyTextCap> logger)
{
    /// <summary>
    /// The one row key of a number's row (the window is in the row, not in its keys): unique in the table, because
    /// Azurite finds a row by its row key first and a row key shared by every number made each read a scan of the table.
    /// It starts with a letter, so retention's clause for rows keyed by clock hour (digits) never matches it.
    /// </summary>
    public static string RowFor(string hash) => "last-hour-" + hash;

    /// <summary>The slots still counting when the row was last written (<see cref="NumberHour.Write"/>).</summary>
    private const string SlotsColumn = "Slots";

    /// <summary>When the row was last written: retention deletes rows idle for a day by it.</summary>
    private const string LastClaimAtColumn = "LastClaimAt";

    private const int MaxConcurrencyRetries = 10;

    /// <summary>Rows remembered at most (about 300 bytes each); past it, the memory starts again empty.</summary>
    private const int MostRowsRemembered = 20_000;

    private readonly ConcurrentDictionary<string, CapRow> _lastSeen = new(StringComparer.Ordinal);

    /// <summary>Takes a slot for the message now, or says when the next one frees (<see cref="ClaimAsync"/>, read first).</summary>
    public async Task<CapClaim> TryClaimAsync(string number, string messageId, DateTimeOffset now, CancellationToken ct) =>
        await ClaimAsync(await ReadAsync(number, ct), messageId, now, overCapAllowed: false, ct);

    /// <summary>Takes a slot for a text that cannot wait, even over the cap; true when within it.</summary>
    public async Task<bool> CountAsync(string number, string messageId, DateTimeOffset now, CancellationToken ct) =>
        (await ClaimAsync(await ReadAsync(number, ct), messageId, now, overCapAllowed: true, ct)).IsTaken;

    /// <summary>The number's last hour as stored, with the ETag a claim is then written against.</summary>
    public async Task<CapRow> ReadAsync(string number, CancellationToken ct)
    {
        var hash = numberKeys.KeyOf(number);
        if (_lastSeen.TryGetValue(hash, out var seen))
        {
            return seen;
        }

        var table = await storage.TableAsync(TableNames.NumberHourCounts, ct);
        return await ReadRowAsync(table, hash, ct);
    }

    private async Task<CapRow> ReadRowAsync(TableClient table, string hash, CancellationToken ct)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(hash, RowFor(hash), cancellationToken: ct);
        var row = found.HasValue ? found.Value : null;
        return Remember(new CapRow(hash, NumberHour.Read(row?.GetString(SlotsColumn)), row?.ETag));
    }

    private CapRow Remember(CapRow row)
    {
        if (_lastSeen.Count >= MostRowsRemembered)
        {
            _lastSeen.Clear();
        }

        _lastSeen[row.Key] = row;
        return row;
    }

    /// <summary>
    /// Takes a slot for the message at <paramref name="now"/> (call it just before the provider call: that is the claim
    /// time), writing against <paramref name="read"/> when nobody changed the row since; when all slots are taken by
    /// others (another worker was quicker), says when the next one frees. <paramref name="overCapAllowed"/>: a text that
    /// cannot wait (an answer to the parent's own text) takes a slot even over the cap, so queued texts then wait longer.
    /// </summary>
    public async Task<CapClaim> ClaimAsync(CapRow read, string messageId, DateTimeOffset now, bool overCapAllowed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        var hash = read.Key;
        var cap = options.Value.MaxPerNumberPerHour;
        var table = await storage.TableAsync(TableNames.NumberHourCounts, ct);
        var (hour, etag) = (read.Hour, read.ETag);
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            if (attempt > 0)
            {
                (_, hour, etag) = await ReadRowAsync(table, hash, ct);
            }

            var fullUntil = hour.FullUntil(messageId, now, cap);
            if (fullUntil is not null && !overCapAllowed)
            {
                return new CapClaim(fullUntil);
            }

            var claimed = hour.Claim(messageId, now);
            var updated = new TableEntity(hash, RowFor(hash))
            {
                [SlotsColumn] = claimed.Write(),
                ["Count"] = claimed.Slots.Count,
                [LastClaimAtColumn] = now,
            };
            try
            {
                var written = etag is not { } current
                    ? await table.AddEntityAsync(updated, ct)
                    : await table.UpdateEntityAsync(updated, current, TableUpdateMode.Replace, ct);
                Remember(new CapRow(hash, claimed, written.Headers.ETag));

                if (fullUntil is not null)
                {
                    logger.LogWarning("A text that cannot wait went to a number that had its {Cap} texts in the last hour ({Count} now)", cap, claimed.Slots.Count);
                }

                return fullUntil is null ? CapClaim.Taken : new CapClaim(fullUntil);
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
            {
                // Another send to the same number took a slot meanwhile, or retention deleted the idle row: read it again.
                _lastSeen.TryRemove(hash, out _);
            }
        }

        throw new RequestFailedException(412, $"The last hour's texts to one number kept changing ({MaxConcurrencyRetries} tries).");
    }
}

using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Pilot.Shared.Storage;

namespace Pilot.Shared.Vacancies.Alerts;

/// <summary>
/// The AlertLedger table, one partition per parent, so every decision about a parent is one
/// entity-group transaction: <c>sent-&lt;ref&gt;</c> (inserted once: a conflict means "already
/// alerted", so never twice), <c>week-&lt;yyyy-Www&gt;</c> (texts counted against the weekly cap,
/// ETag-checked) and <c>digest-&lt;yyyyMMdd&gt;</c> (the day's digest items, closed when it is sent).
/// The claim is written before any text, so a crash between the two can never send one twice; the claim
/// records the due bucket of the immediate alert's text, or the date of the digest that holds the vacancy, so the
/// next run, finding the vacancy already claimed, can write a text the crash left unwritten in that same place
/// (and the alert is not lost).
/// </summary>
public sealed class AlertLedger(StorageClients storage)
{
    private const int MaxConcurrencyRetries = 5;

    /// <summary>How a digest item's claim records its digest's date (<c>DigestDate</c>).</summary>
    private const string DateFormat = "yyyy-MM-dd";

    private Task<TableClient> Table(CancellationToken ct) => storage.TableAsync(TableNames.AlertLedger, ct);

    // Row keys name the parent too, so that each is unique in the table: Azurite finds a row by its row key first and
    // then compares partition keys, so a row key every parent shares (this week's count) made each read a scan.
    public static string SentRow(string parentId, string vacancyRef) => $"sent-{parentId}-{vacancyRef}";

    public static string WeekRow(string parentId, string week) => $"week-{parentId}-{week}";

    public static string DigestRow(string parentId, DateOnly date) => $"digest-{parentId}-{date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";

    /// <summary>An immediate alert: record the vacancy (and the due bucket its text goes in) and count one text this week, or say why not.</summary>
    public async Task<AlertClaim> ClaimAsync(string parentId, AlertItem item, string week, int cap, string textBucket, DateTimeOffset now, CancellationToken ct)
    {
        var table = await Table(ct);
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            var counter = await GetAsync(table, parentId, WeekRow(parentId, week), ct);
            var count = counter?.GetInt32("Count") ?? 0;
            if (count >= cap)
            {
                return AlertClaim.Capped;
            }

            var actions = new List<TableTransactionAction> { SentAction(parentId, item, now, textBucket), CountAction(parentId, week, counter, count + 1) };
            switch (await SubmitAsync(table, actions, ct))
            {
                case null: return AlertClaim.Claimed;
                case 0: return AlertClaim.AlreadySent;
                default: continue;
            }
        }

        throw new RequestFailedException(412, $"The alert ledger of parent {parentId} kept changing; the timer will try again.");
    }

    /// <summary>
    /// A digest alert: add the vacancy to the digest of <paramref name="date"/>, or of a later day when
    /// that one was sent already; a new digest counts one text against its week's cap.
    /// </summary>
    public async Task<(AlertClaim Claim, DateOnly Date)> ClaimForDigestAsync(string parentId, AlertItem item, DateOnly date, int cap, DateTimeOffset now, CancellationToken ct)
    {
        var table = await Table(ct);
        for (var attempt = 0; attempt < MaxConcurrencyRetries * 2; attempt++)
        {
            var digest = await GetAsync(table, parentId, DigestRow(parentId, date), ct);
            if (digest?.GetBoolean("Closed") == true)
            {
                date = date.AddDays(1);
                continue;
            }

            var actions = new List<TableTransactionAction> { SentAction(parentId, item, now, digestDate: date) };
            if (digest is not null)
            {
                var items = Items(digest);
                items.Add(item);
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, DigestEntity(parentId, date, items), digest.ETag));
            }
            else
            {
                var week = AlertWeeks.For(date);
                var counter = await GetAsync(table, parentId, WeekRow(parentId, week), ct);
                var count = counter?.GetInt32("Count") ?? 0;
                if (count >= cap)
                {
                    return (AlertClaim.Capped, date);
                }

                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, DigestEntity(parentId, date, [item])));
                actions.Add(CountAction(parentId, week, counter, count + 1));
            }

            switch (await SubmitAsync(table, actions, ct))
            {
                case null: return (digest is null ? AlertClaim.ClaimedNewDigest : AlertClaim.Claimed, date);
                case 0: return (AlertClaim.AlreadySent, date);
                default: continue;
            }
        }

        throw new RequestFailedException(412, $"The alert ledger of parent {parentId} kept changing; the timer will try again.");
    }

    /// <summary>Closes the day's digest for sending and returns its items; later matches go to the next day's.</summary>
    public async Task<IReadOnlyList<AlertItem>> CloseDigestAsync(string parentId, DateOnly date, CancellationToken ct)
    {
        var table = await Table(ct);
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            var digest = await GetAsync(table, parentId, DigestRow(parentId, date), ct);
            if (digest is null)
            {
                return [];
            }

            if (digest.GetBoolean("Closed") == true)
            {
                return Items(digest);
            }

            digest["Closed"] = true;
            try
            {
                await table.UpdateEntityAsync(digest, digest.ETag, TableUpdateMode.Replace, ct);
                return Items(digest);
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // The timer added an item meanwhile: read again so it goes in this digest.
            }
        }

        throw new RequestFailedException(412, $"The digest of parent {parentId} kept changing; the send will be retried.");
    }

    /// <summary>The items of a parent's digest for the date, as they stand, without closing it (the sender closes it as it sends).</summary>
    public async Task<IReadOnlyList<AlertItem>> DigestItemsAsync(string parentId, DateOnly date, CancellationToken ct)
        => await GetAsync(await Table(ct), parentId, DigestRow(parentId, date), ct) is { } digest ? Items(digest) : [];

    public async Task<int> WeekCountAsync(string parentId, string week, CancellationToken ct)
        => (await GetAsync(await Table(ct), parentId, WeekRow(parentId, week), ct))?.GetInt32("Count") ?? 0;

    public async Task<bool> WasSentAsync(string parentId, string vacancyRef, CancellationToken ct)
        => await GetAsync(await Table(ct), parentId, SentRow(parentId, vacancyRef), ct) is not null;

    /// <summary>The due bucket an immediate alert's claim recorded for its text; null for a digest item or an older claim.</summary>
    public async Task<string?> TextBucketAsync(string parentId, string vacancyRef, CancellationToken ct)
        => (await GetAsync(await Table(ct), parentId, SentRow(parentId, vacancyRef), ct))?.GetString("TextBucket");

    /// <summary>
    /// The date of the digest a digest item's claim went into, while that digest is still open (not yet sent); null
    /// when it was sent, for an immediate alert, or for a claim made before the date was recorded.
    /// </summary>
    public async Task<DateOnly?> OpenDigestHoldingAsync(string parentId, string vacancyRef, CancellationToken ct)
    {
        var table = await Table(ct);
        if ((await GetAsync(table, parentId, SentRow(parentId, vacancyRef), ct))?.GetString("DigestDate") is not { } text
            || !DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null;
        }

        var digest = await GetAsync(table, parentId, DigestRow(parentId, date), ct);
        return digest is null || digest.GetBoolean("Closed") == true ? null : date;
    }

    private static TableTransactionAction SentAction(string parentId, AlertItem item, DateTimeOffset now, string? textBucket = null, DateOnly? digestDate = null)
    {
        var entity = new TableEntity(parentId, SentRow(parentId, item.Ref)) { ["ClaimedAt"] = now, ["DistanceKm"] = item.DistanceKm };
        if (textBucket is not null)
        {
            entity["TextBucket"] = textBucket;
        }

        if (digestDate is { } date)
        {
            entity["DigestDate"] = date.ToString(DateFormat, CultureInfo.InvariantCulture);
        }

        return new(TableTransactionActionType.Add, entity);
    }

    private static TableTransactionAction CountAction(string parentId, string week, TableEntity? counter, int count)
    {
        var entity = new TableEntity(parentId, WeekRow(parentId, week)) { ["Count"] = count };
        return counter is null
            ? new TableTransactionAction(TableTransactionActionType.Add, entity)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, counter.ETag);
    }

    private static TableEntity DigestEntity(string parentId, DateOnly date, List<AlertItem> items)
        => new(parentId, DigestRow(parentId, date)) { ["Items"] = JsonSerializer.Serialize(items, JsonDefaults.Web), ["Closed"] = false };

    private static List<AlertItem> Items(TableEntity digest)
        => JsonSerializer.Deserialize<List<AlertItem>>(digest.GetString("Items") ?? "[]", JsonDefaults.Web) ?? [];

    private static async Task<TableEntity?> GetAsync(TableClient table, string partition, string row, CancellationToken ct)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: ct);
        return found.HasValue ? found.Value : null;
    }

    /// <returns>Null when it went through, else the index of the action that failed (0 is the "sent" row: already alerted).</returns>
    private static async Task<int?> SubmitAsync(TableClient table, List<TableTransactionAction> actions, CancellationToken ct)
    {
        try
        {
            await table.SubmitTransactionAsync(actions, ct);
            return null;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            if (ex.FailedTransactionActionIndex is int index)
            {
                return index;
            }

            // No index reported: the "sent" row tells whether it was the conflict.
            var sent = actions[0].Entity;
            return await GetAsync(table, sent.PartitionKey, sent.RowKey, ct) is null ? 1 : 0;
        }
    }
}

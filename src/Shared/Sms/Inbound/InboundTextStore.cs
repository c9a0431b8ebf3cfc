using Azure;
using Azure.Data.Tables;
using Pilot.Shared.Storage;

namespace Pilot.Shared.Sms.Inbound;

/// <summary>
/// The InboundTexts table: replies kept for advisers (by parent, newest first) and, in partition
/// <c>handled-&lt;provider&gt;</c>, one small row per provider message id already handled, so a
/// webhook delivered twice is acted on once. The handled rows hold no number and no body.
/// </summary>
public sealed class InboundTextStore(StorageClients storage)
{
    private const string HandledPartitionPrefix = "handled-";

    private Task<TableClient> Table(CancellationToken ct) => storage.TableAsync(TableNames.InboundTexts, ct);

    public async Task<bool> WasHandledAsync(string provider, string providerMessageId, CancellationToken ct)
    {
        var found = await (await Table(ct)).GetEntityIfExistsAsync<TableEntity>(HandledPartitionPrefix + provider, KeySafe(providerMessageId), select: ["RowKey"], cancellationToken: ct);
        return found.HasValue;
    }

    public async Task MarkHandledAsync(string provider, string providerMessageId, InboundOutcome outcome, DateTimeOffset at, CancellationToken ct)
        => await (await Table(ct)).UpsertEntityAsync(
            new TableEntity(HandledPartitionPrefix + provider, KeySafe(providerMessageId)) { ["Outcome"] = outcome.ToString(), ["HandledAt"] = at },
            TableUpdateMode.Replace,
            ct);

    public async Task AddAsync(InboundTextEntity text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        text.RowKey = KeySafe(text.RowKey);
        try
        {
            await (await Table(ct)).AddEntityAsync(text, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Stored by an earlier attempt at the same webhook that did not get as far as marking it handled.
        }
    }

    /// <summary>Whether any reply in this partition was answered at or after <paramref name="since"/>.</summary>
    public async Task<bool> AnsweredSinceAsync(string partition, DateTimeOffset since, CancellationToken ct)
    {
        // Newer rows have smaller keys: everything received since `since` sorts before its reverse ticks.
        var upTo = InboundTextEntity.ReverseTicks(since) + "~";
        await foreach (var row in (await Table(ct)).QueryAsync<InboundTextEntity>(
            e => e.PartitionKey == partition && e.RowKey.CompareTo(upTo) < 0,
            select: ["AnsweredAt"],
            cancellationToken: ct))
        {
            if (row.AnsweredAt >= since)
            {
                return true;
            }
        }

        return false;
    }

    public async Task<IReadOnlyList<InboundTextEntity>> ListAsync(string partition, CancellationToken ct)
    {
        var found = new List<InboundTextEntity>();
        await foreach (var row in (await Table(ct)).QueryAsync<InboundTextEntity>(e => e.PartitionKey == partition, cancellationToken: ct))
        {
            found.Add(row);
        }

        return found;
    }

    /// <summary>Table keys may not hold / \ # ? or control characters; provider ids never should, but a forged one might.</summary>
    internal static string KeySafe(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var chars = value.Select(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c) ? '_' : c).ToArray();
        return new string(chars, 0, Math.Min(chars.Length, 200));
    }
}

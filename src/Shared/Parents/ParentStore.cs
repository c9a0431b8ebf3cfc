using Azure;
using Azure.Data.Tables;
using Pilot.Shared.Storage;

namespace Pilot.Shared.Parents;

/// <summary>
/// The Parents table: each parent's partition holds the profile and the consent history; partitions
/// named <c>mobile+44...</c> index parents by number, so an inbound text finds its parent with one query.
/// </summary>
public sealed class ParentStore(StorageClients storage)
{
    private const string MobilePartitionPrefix = "mobile";

    private Task<TableClient> Table(CancellationToken ct) => storage.TableAsync(TableNames.Parents, ct);

    public async Task<ParentEntity?> GetAsync(string parentId, CancellationToken ct)
    {
        if (!TableKeys.IsUsable(parentId))
        {
            return null;
        }

        var found = await (await Table(ct)).GetEntityIfExistsAsync<ParentEntity>(parentId, ParentEntity.ProfileRowFor(parentId), cancellationToken: ct);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>
    /// Stores a new parent with the consent they gave, in one transaction of their partition. The
    /// number index is written first: an index row without its parent is ignored by lookups.
    /// </summary>
    public async Task AddAsync(ParentEntity parent, IEnumerable<ConsentChangeEntity> consents, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var table = await Table(ct);
        await table.UpsertEntityAsync(new TableEntity(MobilePartition(parent.Mobile), parent.Id), TableUpdateMode.Replace, ct);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, parent) };
        actions.AddRange(consents.Select(c => new TableTransactionAction(TableTransactionActionType.Add, c)));
        await table.SubmitTransactionAsync(actions, ct);
    }

    /// <summary>Every parent registered with this number (E.164); usually one, a shared family phone more.</summary>
    public async Task<IReadOnlyList<ParentEntity>> FindByMobileAsync(string e164, CancellationToken ct)
    {
        var table = await Table(ct);
        var found = new List<ParentEntity>();
        var partition = MobilePartition(e164);
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey"], cancellationToken: ct))
        {
            if (await GetAsync(row.RowKey, ct) is { } parent && parent.Mobile == e164)
            {
                found.Add(parent);
            }
        }

        return found;
    }

    /// <summary>Replaces the profile if nobody changed it since it was read.</summary>
    public async Task<bool> TryReplaceAsync(ParentEntity parent, CancellationToken ct)
        => await (await Table(ct)).TryReplaceAsync(parent, ct);

    public async Task AddConsentChangeAsync(ConsentChangeEntity change, CancellationToken ct)
        => await (await Table(ct)).UpsertEntityAsync(change, TableUpdateMode.Replace, ct);

    public async Task<IReadOnlyList<ConsentChangeEntity>> ConsentHistoryAsync(string parentId, CancellationToken ct)
    {
        var table = await Table(ct);
        var found = new List<ConsentChangeEntity>();
        await foreach (var change in table.QueryAsync<ConsentChangeEntity>(
            e => e.PartitionKey == parentId && e.RowKey.CompareTo("consent-") >= 0 && e.RowKey.CompareTo("consent.") < 0, cancellationToken: ct))
        {
            found.Add(change);
        }

        return found;
    }

    public static string MobilePartition(string e164) => MobilePartitionPrefix + e164;
}

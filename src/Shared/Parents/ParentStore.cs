using Azure.Data.Tables;
using Pilot.Shared.Storage;

namespace Pilot.Shared.Parents;

public sealed class ParentStore(StorageClients storage)
{
    private Task<TableClient> Table(CancellationToken ct) => storage.TableAsync(TableNames.Parents, ct);

    public async Task<ParentEntity?> GetAsync(string parentId, CancellationToken ct)
    {
        var found = await (await Table(ct)).GetEntityIfExistsAsync<ParentEntity>(parentId, ParentEntity.ProfileRow, cancellationToken: ct);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>Stores a new parent with the consent they gave, in one transaction of their partition.</summary>
    public async Task AddAsync(ParentEntity parent, IEnumerable<ConsentChangeEntity> consents, CancellationToken ct)
    {
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, parent) };
        actions.AddRange(consents.Select(c => new TableTransactionAction(TableTransactionActionType.Add, c)));
        await (await Table(ct)).SubmitTransactionAsync(actions, ct);
    }
}

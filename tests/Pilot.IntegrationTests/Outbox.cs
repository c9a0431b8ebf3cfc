using Azure.Data.Tables;
using Pilot.Shared.Storage;

namespace Pilot.IntegrationTests;

public static class Outbox
{
    public static Task<List<TableEntity>> AllAsync(PilotServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return AllAsync(services.Get<StorageClients>());
    }

    public static async Task<List<TableEntity>> AllAsync(StorageClients storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var table = await storage.TableAsync(TableNames.Outbox);
        var all = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync<TableEntity>())
        {
            all.Add(entity);
        }

        return all;
    }
}

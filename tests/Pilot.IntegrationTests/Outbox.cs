using Azure.Data.Tables;
using Pilot.Shared.Storage;

namespace Pilot.IntegrationTests;

public static class Outbox
{
    public static async Task<List<TableEntity>> AllAsync(PilotServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var table = await services.Get<StorageClients>().TableAsync(TableNames.Outbox);
        var all = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync<TableEntity>())
        {
            all.Add(entity);
        }

        return all;
    }
}

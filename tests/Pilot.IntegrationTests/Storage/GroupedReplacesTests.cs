using Azure;
using Azure.Data.Tables;
using Pilot.Shared.Storage;

namespace Pilot.IntegrationTests.Storage;

/// <summary><see cref="GroupedReplaces"/> on real Azurite: replaces that meet go together, each keeping its own answer.</summary>
public sealed class GroupedReplacesTests
{
    [Fact]
    public async Task Replaces_of_one_partition_asked_at_once_go_in_a_few_transactions_each_ETag_checked_and_answered()
    {
        await using var services = await PilotServices.StartAsync();
        var (table, rows) = await RowsAsync(services, 40);
        // Five rows changed by someone else since they were read: their replaces must be refused, the rest written.
        var stale = new[] { 3, 11, 12, 25, 39 };
        foreach (var i in stale)
        {
            await table.UpdateEntityAsync(new TableEntity("p", rows[i].RowKey) { ["N"] = -1 }, ETag.All, TableUpdateMode.Replace);
        }

        var counter = services.Get<StorageRequestCounter>();
        var before = counter.Snapshot();
        var grouped = new GroupedReplaces(ct => Task.FromResult(table));
        foreach (var row in rows)
        {
            row["N"] = 1;
        }

        var answers = await Task.WhenAll(rows.Select(row => grouped.TryReplaceAsync(row, CancellationToken.None)));
        var requests = counter.Snapshot().Since(before).Tables;

        Assert.Equal(Enumerable.Range(0, rows.Count).Select(i => !stale.Contains(i)), answers);
        var stored = await StoredAsync(table);
        foreach (var (row, i) in rows.Select((row, i) => (row, i)))
        {
            Assert.Equal(stale.Contains(i) ? -1 : 1, stored[row.RowKey].GetInt32("N"));
            if (!stale.Contains(i))
            {
                Assert.Equal(stored[row.RowKey].ETag, row.ETag); // the new ETag is on the entity, for its next write
            }
        }

        // The first alone, the others together once it is done, once more for each refused one (named by the service).
        Assert.InRange(requests, 2, 2 + stale.Length);
    }

    [Fact]
    public async Task Two_replaces_of_one_row_asked_at_once_are_written_apart_and_the_second_is_refused_by_the_first()
    {
        await using var services = await PilotServices.StartAsync();
        var (table, rows) = await RowsAsync(services, 3);
        var copy = new TableEntity("p", rows[1].RowKey) { ["N"] = 2, ETag = rows[1].ETag };
        var grouped = new GroupedReplaces(ct => Task.FromResult(table));
        foreach (var row in rows)
        {
            row["N"] = 1;
        }

        var answers = await Task.WhenAll(new[] { rows[0], rows[1], copy, rows[2] }.Select(row => grouped.TryReplaceAsync(row, CancellationToken.None)));

        Assert.Equal([true, true, false, true], answers);
        Assert.Equal(1, (await StoredAsync(table))[rows[1].RowKey].GetInt32("N"));
    }

    [Fact]
    public async Task A_replace_of_a_row_gone_meanwhile_is_refused_and_the_rest_of_its_transaction_written()
    {
        await using var services = await PilotServices.StartAsync();
        var (table, rows) = await RowsAsync(services, 6);
        await table.DeleteEntityAsync("p", rows[4].RowKey);
        var grouped = new GroupedReplaces(ct => Task.FromResult(table));
        foreach (var row in rows)
        {
            row["N"] = 1;
        }

        var answers = await Task.WhenAll(rows.Select(row => grouped.TryReplaceAsync(row, CancellationToken.None)));

        Assert.Equal([true, true, true, true, false, true], answers);
        var stored = await StoredAsync(table);
        Assert.False(stored.ContainsKey(rows[4].RowKey));
        Assert.All(stored.Values, row => Assert.Equal(1, row.GetInt32("N")));
    }

    [Fact]
    public async Task A_row_the_service_refuses_fails_alone_and_the_replaces_that_met_it_are_written()
    {
        await using var services = await PilotServices.StartAsync();
        var (table, rows) = await RowsAsync(services, 5);
        var grouped = new GroupedReplaces(ct => Task.FromResult(table));
        foreach (var row in rows)
        {
            row["N"] = 1;
        }

        rows[2]["Big"] = new byte[70 * 1024]; // over the service's 64 KiB a property: refused alone, and so its whole transaction

        var replaces = rows.Select(row => grouped.TryReplaceAsync(row, CancellationToken.None)).ToList();
        await Assert.ThrowsAnyAsync<RequestFailedException>(() => replaces[2]);

        var others = await Task.WhenAll(replaces.Where((_, i) => i != 2));
        Assert.All(others, Assert.True);
        var stored = await StoredAsync(table);
        Assert.Equal([1, 1, 0, 1, 1], rows.Select(row => stored[row.RowKey].GetInt32("N")));
    }

    private static async Task<(TableClient Table, List<TableEntity> Rows)> RowsAsync(PilotServices services, int count)
    {
        var table = await services.Get<StorageClients>().TableAsync("grouped" + Guid.NewGuid().ToString("N")[..12]);
        var rows = new List<TableEntity>();
        for (var i = 0; i < count; i++)
        {
            var row = new TableEntity("p", $"r{i:D3}") { ["N"] = 0 };
            row.ETag = (await table.AddEntityAsync(row)).Headers.ETag ?? default;
            rows.Add(row);
        }

        return (table, rows);
    }

    private static async Task<Dictionary<string, TableEntity>> StoredAsync(TableClient table)
    {
        var stored = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            stored[row.RowKey] = row;
        }

        return stored;
    }
}

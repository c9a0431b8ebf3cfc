using Azure;
using Azure.Data.Tables;
using Pilot.Shared.Storage;

namespace Pilot.IntegrationTests.Storage;

/// <summary><see cref="GroupedWrites"/> on real Azurite: replaces and adds that meet go together, each keeping its own answer.</summary>
public sealed class GroupedWritesTests
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
        var (grouped, askedAll) = HeldUntilAllAsked(table);
        foreach (var row in rows)
        {
            row["N"] = 1;
        }

        var replaces = rows.Select(row => grouped.TryReplaceAsync(row, CancellationToken.None)).ToList();
        askedAll();
        var answers = await Task.WhenAll(replaces);
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
        var grouped = new GroupedWrites(ct => Task.FromResult(table));
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
        var grouped = new GroupedWrites(ct => Task.FromResult(table));
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
        var grouped = new GroupedWrites(ct => Task.FromResult(table));
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

    [Fact]
    public async Task Adds_of_one_partition_asked_at_once_go_together_and_one_whose_row_is_there_is_refused_alone()
    {
        await using var services = await PilotServices.StartAsync();
        var (table, existing) = await RowsAsync(services, 2);
        var counter = services.Get<StorageRequestCounter>();
        var before = counter.Snapshot();
        var (grouped, askedAll) = HeldUntilAllAsked(table);
        // Thirty new rows and, among them, one whose keys are already taken (its stored row must be left as it is).
        var adds = Enumerable.Range(0, 30).Select(i => new TableEntity("p", $"new{i:D3}") { ["N"] = 1 }).ToList();
        adds.Insert(17, new TableEntity("p", existing[1].RowKey) { ["N"] = 1 });

        var asked = adds.Select(row => grouped.TryAddAsync(row, CancellationToken.None)).ToList();
        askedAll();
        var answers = await Task.WhenAll(asked);
        var requests = counter.Snapshot().Since(before).Tables;

        Assert.Equal(adds.Select((_, i) => i != 17), answers);
        var stored = await StoredAsync(table);
        Assert.Equal(32, stored.Count);
        Assert.Equal(0, stored[existing[1].RowKey].GetInt32("N"));
        Assert.All(adds.Where((_, i) => i != 17), row => Assert.Equal(stored[row.RowKey].ETag, row.ETag));

        // The first alone, the others together once it is done, and once more without the refused one (or it alone).
        Assert.InRange(requests, 2, 4);
    }

    [Fact]
    public async Task Adds_and_replaces_of_one_partition_asked_at_once_each_get_their_own_answer()
    {
        await using var services = await PilotServices.StartAsync();
        var (table, rows) = await RowsAsync(services, 3);
        var grouped = new GroupedWrites(ct => Task.FromResult(table));
        rows[0]["N"] = 5;
        rows[2]["N"] = 6;
        var stale = new TableEntity("p", rows[1].RowKey) { ["N"] = 7, ETag = new ETag("W/\"datetime'2000-01-01T00%3A00%3A00.0000000Z'\"") };

        var answers = await Task.WhenAll(
            grouped.TryReplaceAsync(rows[0], CancellationToken.None),
            grouped.TryAddAsync(new TableEntity("p", "added") { ["N"] = 8 }, CancellationToken.None),
            grouped.TryReplaceAsync(stale, CancellationToken.None),
            grouped.TryAddAsync(new TableEntity("p", rows[2].RowKey) { ["N"] = 9 }, CancellationToken.None),
            grouped.TryReplaceAsync(rows[2], CancellationToken.None));

        Assert.Equal([true, true, false, false, true], answers);
        var stored = await StoredAsync(table);
        Assert.Equal([5, 0, 6, 8], new[] { rows[0].RowKey, rows[1].RowKey, rows[2].RowKey, "added" }.Select(key => stored[key].GetInt32("N")));
    }

    /// <summary>
    /// Writes that wait for the table until the test has asked for all of them, so "asked at once" holds on a busy
    /// machine too: otherwise the first write can be answered before the last is asked, and the rest split into more
    /// transactions than counted (seen with a CPU hog beside the suite, 5 December 2026: 8 requests against at most 7).
    /// </summary>
    private static (GroupedWrites Grouped, Action AskedAll) HeldUntilAllAsked(TableClient table)
    {
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return (new GroupedWrites(async _ =>
        {
            await asked.Task;
            return table;
        }), asked.SetResult);
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

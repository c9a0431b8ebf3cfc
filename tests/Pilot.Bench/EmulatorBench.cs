using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using static System.FormattableString;

namespace Pilot.Bench;

/// <summary>
/// What the emulator itself can serve on this machine, with no Pilot code in the path: point reads and inserts a second
/// on a table whose row keys are all different against one whose rows share one row key (Azurite finds a row by its row
/// key first), and a queue's receive-and-delete of one message a second with few against many messages waiting (Azurite
/// rebuilds its message indexes on each request). The ceilings the sends bench and the load run meet.
/// </summary>
internal static class EmulatorBench
{
    private const int InFlight = 16;

    public static async Task RunAsync(int rows)
    {
        var tables = new TableServiceClient(BenchServices.Storage);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var unique = await TableAsync(tables, $"emuunique{tag}", rows, i => ($"p{i:D7}", $"p{i:D7}"));
        var shared = await TableAsync(tables, $"emushared{tag}", rows, i => ($"p{i:D7}", "profile"));
        Console.WriteLine(Invariant($"[emulator] table of {rows:N0} rows, {InFlight} requests in flight: inserts {unique.Inserts:N0}/s with a row key per row, {shared.Inserts:N0}/s with one row key for all; point reads {unique.Reads:N0}/s against {shared.Reads:N0}/s"));
        var (single, together) = await ReplacesAsync(tables, $"emureplace{tag}", rows);
        Console.WriteLine(Invariant($"[emulator] ETag-checked replaces of rows {Together} to a partition: {single:N0}/s one a request, {together:N0}/s {Together} to a transaction ({InFlight} requests in flight)"));

        var queues = new QueueServiceClient(BenchServices.Storage);
        foreach (var waiting in new[] { 100, 5_000 })
        {
            var queue = queues.GetQueueClient($"emu-{tag}-{waiting}");
            await queue.CreateAsync();
            await Parallel.ForEachAsync(Enumerable.Range(0, waiting), new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (i, ct) => await queue.SendMessageAsync($"{{\"n\":{i}}}", ct));
            var handled = 0;
            var clock = Stopwatch.StartNew();
            while (handled < Math.Min(waiting, 1_000))
            {
                var batch = (await queue.ReceiveMessagesAsync(16, TimeSpan.FromMinutes(5))).Value;
                await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (m, ct) => await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt, ct));
                handled += batch.Length;
            }

            Console.WriteLine(Invariant($"[emulator] queue with {waiting:N0} messages waiting: {handled / clock.Elapsed.TotalSeconds:N0} messages received (16 at a time) and deleted a second"));
            await queue.DeleteAsync();
        }
    }

    /// <summary>Rows a transaction replaces at once in <see cref="ReplacesAsync"/>: as many as a send message names.</summary>
    private const int Together = 16;

    /// <summary>Replaces a second, each ETag-checked, one a request against <see cref="Together"/> to an entity-group transaction.</summary>
    private static async Task<(double Single, double Together)> ReplacesAsync(TableServiceClient service, string name, int rows)
    {
        var table = service.GetTableClient(name);
        await table.CreateAsync();
        var stored = new TableEntity[rows];
        await Parallel.ForEachAsync(Enumerable.Range(0, rows), new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (i, ct) =>
        {
            var entity = new TableEntity($"p{i / Together:D6}", $"r{i:D7}") { ["N"] = 0 };
            entity.ETag = (await table.AddEntityAsync(entity, ct)).Headers.ETag ?? default;
            stored[i] = entity;
        });
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, rows / 2), new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (i, ct) =>
        {
            stored[i]["N"] = 1;
            await table.UpdateEntityAsync(stored[i], stored[i].ETag, TableUpdateMode.Replace, ct);
        });
        var single = rows / 2 / clock.Elapsed.TotalSeconds;
        var groups = Enumerable.Range(rows / 2, rows - rows / 2).GroupBy(i => i / Together).ToList();
        clock.Restart();
        await Parallel.ForEachAsync(groups, new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (group, ct) =>
            await table.SubmitTransactionAsync(group.Select(i => new TableTransactionAction(TableTransactionActionType.UpdateReplace, stored[i], stored[i].ETag)), ct));
        var together = (rows - rows / 2) / clock.Elapsed.TotalSeconds;
        await table.DeleteAsync();
        return (single, together);
    }

    private static async Task<(double Inserts, double Reads)> TableAsync(TableServiceClient service, string name, int rows, Func<int, (string Partition, string Row)> key)
    {
        var table = service.GetTableClient(name);
        await table.CreateAsync();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, rows), new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (i, ct) =>
        {
            var (partition, row) = key(i);
            await table.AddEntityAsync(new TableEntity(partition, row) { ["N"] = i }, ct);
        });
        var inserts = rows / clock.Elapsed.TotalSeconds;
        const int reads = 3_000;
        clock.Restart();
        await Parallel.ForEachAsync(Enumerable.Range(0, reads), new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (i, ct) =>
        {
            var (partition, row) = key(i * 7_919 % rows);
            await table.GetEntityAsync<TableEntity>(partition, row, cancellationToken: ct);
        });
        var perSecond = reads / clock.Elapsed.TotalSeconds;
        await table.DeleteAsync();
        return (inserts, perSecond);
    }
}

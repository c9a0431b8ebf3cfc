using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pilot.Shared.Reminders;
using Pilot.Shared.Reminders.Dispatch;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Storage;

namespace Pilot.Bench;

/// <summary>
/// A store of future reminders and one tick with some due: how many entities and storage requests
/// the tick costs. Goal (issue 2): at most 1.1 entities read per due reminder and at most 20
/// requests besides the enqueues, however many reminders are stored.
/// </summary>
internal static class DispatchTickBench
{
    private const int MinutesAhead = 30 * 24 * 60;

    public static async Task RunAsync(int stored, int due)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = BenchServices.Build(BenchServices.Settings("tick"), time);
        var storage = services.GetRequiredService<StorageClients>();
        var table = await storage.TableAsync(TableNames.Texts);
        var now = DueBuckets.LastDueMinute(time.GetUtcNow());

        Console.WriteLine(Invariant($"[tick] writing {stored:N0} future reminders over the next 30 days ({Math.Ceiling(stored / (double)MinutesAhead):N0} per minute partition)"));
        var load = Stopwatch.StartNew();
        var partitions = Enumerable.Range(0, Math.Min(stored, MinutesAhead)).ToList();
        long written = 0;
        await Parallel.ForEachAsync(partitions, new ParallelOptions { MaxDegreeOfParallelism = 24 }, async (minute, ct) =>
        {
            var inPartition = stored / MinutesAhead + (minute < stored % MinutesAhead ? 1 : 0);
            var dueAt = now.AddMinutes(10 + minute);
            await WriteAsync(table, dueAt, inPartition, ct);
            var total = Interlocked.Add(ref written, inPartition);
            if (total / 100_000 != (total - inPartition) / 100_000)
            {
                Console.WriteLine(Invariant($"[tick]   {total:N0} written ({total / load.Elapsed.TotalSeconds:N0}/s)"));
            }
        });
        Console.WriteLine(Invariant($"[tick] stored {written:N0} in {load.Elapsed.TotalSeconds:F0} s"));

        var dispatcher = services.GetRequiredService<DueReminderDispatcher>();
        await dispatcher.DispatchDueAsync(CancellationToken.None); // the cursor now stands at this minute
        await WriteAsync(table, now.AddSeconds(30), due, CancellationToken.None);
        await storage.QueueAsync(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ReminderOptions>>().Value.SendQueue);
        time.Advance(TimeSpan.FromMinutes(1));

        var counter = services.GetRequiredService<StorageRequestCounter>();
        var before = counter.Snapshot();
        var clock = Stopwatch.StartNew();
        var tick = await dispatcher.DispatchDueAsync(CancellationToken.None);
        clock.Stop();
        var requests = counter.Snapshot().Since(before);

        Console.WriteLine(Invariant($"[tick] stored reminders: {written + due:N0}; due this tick: {due:N0}"));
        Console.WriteLine(Invariant($"[tick] entities read: {tick.EntitiesRead:N0} ({tick.EntitiesRead / (double)due:F3} per due reminder; goal <= 1.1)"));
        Console.WriteLine(Invariant($"[tick] storage requests besides the enqueues: {requests.Tables + requests.Blobs:N0} table/blob (goal <= 20); enqueues: {requests.Queues:N0}"));
        Console.WriteLine(Invariant($"[tick] queued {tick.Enqueued:N0}, marked queued {tick.MarkedQueued:N0}, tick took {clock.Elapsed.TotalMilliseconds:F0} ms"));
    }

    private static async Task WriteAsync(TableClient table, DateTimeOffset dueAt, int count, CancellationToken ct)
    {
        var bucket = DueBuckets.For(dueAt);
        for (var start = 0; start < count; start += 100)
        {
            var actions = Enumerable.Range(start, Math.Min(100, count - start)).Select(i => new TableTransactionAction(
                TableTransactionActionType.Add,
                new TextEntity
                {
                    PartitionKey = bucket,
                    RowKey = $"bench-{bucket}-{i:D6}",
                    AppointmentId = "bench",
                    AppointmentVersion = 1,
                    ParentId = "bench",
                    Kind = "reminder-1d",
                    DueAt = dueAt,
                    StateChangedAt = dueAt,
                }));
            await table.SubmitTransactionAsync(actions, ct);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

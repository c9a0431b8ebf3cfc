using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pilot.LocalRunner;
using Pilot.Shared.Access;
using Pilot.Shared.Appointments;
using Pilot.Shared.DemoData;
using Pilot.Shared.Parents;
using Pilot.Shared.Reminders;
using Pilot.Shared.Sms;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Storage;
using Pilot.Shared.Venues;

namespace Pilot.Bench;

/// <summary>
/// Sustained sends per second: the real SendReminder function, hosted by the local runner's queue
/// listener (host.json batch settings), reading texts from Azurite and "sending" through the outbox.
/// </summary>
internal static class SendThroughputBench
{
    public static async Task RunAsync(int count)
    {
        var settings = BenchServices.Settings("sends");
        settings["LocalRunner:Port"] = "0";
        settings["Reminders:DispatchSchedule"] = "0 0 0 1 1 *"; // the dispatch tick is measured separately
        settings["Retention:Schedule"] = "0 0 0 1 1 *";
        var builder = LocalRunnerApp.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        await using var app = LocalRunnerApp.Build(builder);
        var services = app.Services;
        var storage = services.GetRequiredService<StorageClients>();

        await services.GetRequiredService<VenueCatalogue>().LoadAsync(DemoSeeder.PilotVenueRows(), CancellationToken.None);

        // Spread over enough parents that the hourly cap per number (Sms:MaxPerNumberPerHour) holds none back: one number
        // would get its first 10 texts and then wait an hour, which is the cap working, not the sending speed.
        var perParent = Math.Max(1, services.GetRequiredService<IOptions<SmsOptions>>().Value.MaxPerNumberPerHour - 1);
        var parentCount = (count + perParent - 1) / perParent;
        if (parentCount > 999)
        {
            throw new ArgumentOutOfRangeException(nameof(count), Invariant($"{count:N0} texts need {parentCount:N0} numbers and the capped case one more; the drama range 07700 900000-900999 has 1,000"));
        }

        Console.WriteLine(Invariant($"[sends] registering {parentCount:N0} parents (07700 900xxx) and booking one appointment each: {perParent} texts a number at most, under the hourly cap"));
        var now = DateTimeOffset.UtcNow;
        var startsAt = VenueHours.NextOpenAt(DemoSeeder.PilotVenues().Single(v => v.Id == "cc-lambeth-stockwell"), now.AddDays(20))!.Value.ToString("O", CultureInfo.InvariantCulture);
        var targets = new (string ParentId, string AppointmentId)[parentCount];
        async Task<(string ParentId, string AppointmentId)> BookAsync(int i, CancellationToken ct)
        {
            var parent = await services.GetRequiredService<ParentRegistration>().RegisterAsync(
                Caller.Office("jcp-lambeth"),
                new RegisterParentRequest("Amina", Invariant($"07700 900{i:D3}"), new AddressRequest(["12 Stockwell Road", "London"], "SW9 9TN"), "en", new ConsentsRequest(true)), ct);
            var booked = await services.GetRequiredService<AppointmentBooking>().BookAsync(
                Caller.Office("jcp-lambeth"), new BookAppointmentRequest(parent.Value!.Id, "cc-lambeth-stockwell", startsAt, "wfi", null), ct);
            return (parent.Value.Id, booked.Value!.Id);
        }

        await Parallel.ForEachAsync(Enumerable.Range(0, parentCount), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) => targets[i] = await BookAsync(i, ct));

        Console.WriteLine(Invariant($"[sends] preparing {count:N0} due texts and their queue messages"));
        var texts = await storage.TableAsync(TableNames.Texts);
        var bucket = DueBuckets.For(now);
        var rows = Enumerable.Range(0, count).Select(i => (Id: $"{targets[i % parentCount].AppointmentId}-v1-bench-{i:D6}", Target: targets[i % parentCount])).ToList();
        var writer = services.GetRequiredService<SendQueueWriter>();
        await AddDueAsync(texts, writer, bucket, now, rows);

        var outbox = await storage.TableAsync(TableNames.Outbox);
        var expected = count + parentCount; // and each booking's confirmation
        var clock = Stopwatch.StartNew();
        await app.StartAsync();
        int sent;
        while ((sent = await CountAsync(outbox)) < expected)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException(Invariant($"only {sent} of {expected} texts were sent in 10 minutes"));
            }

            await Task.Delay(200);
        }

        clock.Stop();
        var queue = services.GetRequiredService<IOptions<ReminderOptions>>().Value.SendQueue;
        Console.WriteLine(Invariant($"[sends] {sent:N0} texts sent through the queue function and the outbox in {clock.Elapsed.TotalSeconds:F1} s: {sent / clock.Elapsed.TotalSeconds:N0} sends/s sustained over {parentCount:N0} numbers (queue {queue}, host.json batchSize and newBatchThreshold)"));

        // The cap working, as its own case: one more number given twice its hourly cap at once (its booking's confirmation
        // is one of the cap). The first cap go; the rest are held, not dropped, until a slot frees an hour on.
        var capped = await BookAsync(parentCount, CancellationToken.None);
        var cappedRows = Enumerable.Range(0, 2 * (perParent + 1)).Select(i => (Id: $"{capped.AppointmentId}-v1-capped-{i:D3}", Target: capped)).ToList();
        await AddDueAsync(texts, writer, bucket, now, cappedRows);
        var cap = perParent + 1;
        var cappedClock = Stopwatch.StartNew();
        while ((sent = await CountAsync(outbox)) < expected + cap && cappedClock.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(200);
        }

        await Task.Delay(TimeSpan.FromSeconds(5)); // time enough for any text over the cap to be (wrongly) sent
        sent = await CountAsync(outbox) - expected;
        var held = 0;
        await foreach (var row in texts.QueryAsync<TextEntity>(t => t.ParentId == capped.ParentId && (t.PartitionKey == bucket || t.Kind == "confirmation")))
        {
            held += TextStates.IsPending(row.State) ? 1 : 0;
        }

        await app.StopAsync();
        Console.WriteLine(Invariant($"[sends] one number given {cappedRows.Count + 1} texts at once, its confirmation and {cappedRows.Count} due (cap {cap} an hour): {sent} sent, {held} held for the hourly cap, none dropped"));
        if (sent != cap || held != cappedRows.Count + 1 - cap)
        {
            throw new InvalidOperationException(Invariant($"the hourly cap of {cap} let {sent} texts through and held {held}"));
        }
    }

    private static async Task AddDueAsync(TableClient texts, SendQueueWriter writer, string bucket, DateTimeOffset now, IReadOnlyList<(string Id, (string ParentId, string AppointmentId) Target)> rows)
    {
        foreach (var chunk in rows.Chunk(100))
        {
            await texts.SubmitTransactionAsync(chunk.Select(row => new TableTransactionAction(TableTransactionActionType.Add, new TextEntity
            {
                PartitionKey = bucket,
                RowKey = row.Id,
                AppointmentId = row.Target.AppointmentId,
                AppointmentVersion = 1,
                ParentId = row.Target.ParentId,
                Kind = "reminder-2h",
                DueAt = now,
                StateChangedAt = now,
            })));
        }

        await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (row, ct) => await writer.EnqueueAsync(new TextRef(bucket, row.Id), ct));
    }

    private static async Task<int> CountAsync(TableClient table)
    {
        var n = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            n++;
        }

        return n;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

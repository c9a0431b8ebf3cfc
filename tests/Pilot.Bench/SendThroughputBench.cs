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
        if (parentCount > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(count), Invariant($"{count:N0} texts need {parentCount:N0} numbers; the drama range 07700 900000-900999 has 1,000"));
        }

        Console.WriteLine(Invariant($"[sends] registering {parentCount:N0} parents (07700 900xxx) and booking one appointment each: {perParent} texts a number at most, under the hourly cap"));
        var now = DateTimeOffset.UtcNow;
        var startsAt = VenueHours.NextOpenAt(DemoSeeder.PilotVenues().Single(v => v.Id == "cc-lambeth-stockwell"), now.AddDays(20))!.Value.ToString("O", CultureInfo.InvariantCulture);
        var targets = new (string ParentId, string AppointmentId)[parentCount];
        await Parallel.ForEachAsync(Enumerable.Range(0, parentCount), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var parent = await services.GetRequiredService<ParentRegistration>().RegisterAsync(
                Caller.Office("jcp-lambeth"),
                new RegisterParentRequest("Amina", Invariant($"07700 900{i:D3}"), new AddressRequest(["12 Stockwell Road", "London"], "SW9 9TN"), "en", new ConsentsRequest(true)), ct);
            var booked = await services.GetRequiredService<AppointmentBooking>().BookAsync(
                Caller.Office("jcp-lambeth"), new BookAppointmentRequest(parent.Value!.Id, "cc-lambeth-stockwell", startsAt, "wfi", null), ct);
            targets[i] = (parent.Value.Id, booked.Value!.Id);
        });

        Console.WriteLine(Invariant($"[sends] preparing {count:N0} due texts and their queue messages"));
        var texts = await storage.TableAsync(TableNames.Texts);
        var bucket = DueBuckets.For(now);
        var rows = Enumerable.Range(0, count).Select(i => (Id: $"{targets[i % parentCount].AppointmentId}-v1-bench-{i:D6}", Target: targets[i % parentCount])).ToList();
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

        var writer = services.GetRequiredService<SendQueueWriter>();
        await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (row, ct) => await writer.EnqueueAsync(new TextRef(bucket, row.Id), ct));

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
        await app.StopAsync();
        var queue = services.GetRequiredService<IOptions<ReminderOptions>>().Value.SendQueue;
        Console.WriteLine(Invariant($"[sends] {sent:N0} texts sent through the queue function and the outbox in {clock.Elapsed.TotalSeconds:F1} s: {sent / clock.Elapsed.TotalSeconds:N0} sends/s sustained (queue {queue}, host.json batchSize and newBatchThreshold)"));
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

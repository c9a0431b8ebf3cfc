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
        await using (var pass = await SendPass.StartAsync("worker", count))
        {
            var elapsed = await pass.SendAllAsync();
            Console.WriteLine(Invariant($"[sends] {pass.Timed:N0} texts sent through the queue function and the outbox in {elapsed.TotalSeconds:F1} s from the runner's start-up done ({pass.Expected - pass.Timed} more before): {pass.Timed / elapsed.TotalSeconds:N0} sends/s sustained over {pass.Numbers:N0} numbers through the published worker (queue {pass.Queue}, host.json batchSize and newBatchThreshold); with the runner's and worker's start-up ({pass.StartUp.TotalSeconds:F1} s) counted too, {pass.Expected / (elapsed + pass.StartUp).TotalSeconds:N0} sends/s"));
            await pass.CappedCaseAsync();
        }

        // The emulator's table service is one Node thread whose point reads and writes slow as a partition grows, and all
        // of a minute's texts share one (its due minute): the same sends in a minute of a tenth the size show what is
        // Azurite's and what is Pilot's.
        var small = Math.Max(100, count / 10);
        await using (var minute = await SendPass.StartAsync("worker", small))
        {
            var elapsed = await minute.SendAllAsync();
            Console.WriteLine(Invariant($"[sends] {minute.Timed:N0} texts in a due minute of {small:N0} through the published worker: {minute.Timed / elapsed.TotalSeconds:N0} sends/s ({minute.Expected / (elapsed + minute.StartUp).TotalSeconds:N0}/s with its start-up)"));
        }

        // The worker's own requests are made in its process; in-process the runner's counter sees each one the sender makes.
        await using (var counted = await SendPass.StartAsync("in-process", small))
        {
            var elapsed = await counted.SendAllAsync();
            var requests = counted.Requests;
            Console.WriteLine(Invariant($"[sends] storage requests per text sent ({counted.Expected:N0} texts in-process, the sender's code as in the worker): tables {(double)requests.Tables / counted.Expected:F2}, queues {(double)requests.Queues / counted.Expected:F2} besides the host's receive (one per 16) and delete of its message, blobs {(double)requests.Blobs / counted.Expected:F2}; in-process {counted.Timed / elapsed.TotalSeconds:N0} sends/s"));
        }
    }

    /// <summary>One run of the runner over due texts spread across many numbers, its polling kept off the runner's counter.</summary>
    private sealed class SendPass : IAsyncDisposable
    {
        private readonly Microsoft.AspNetCore.Builder.WebApplication _app;
        private readonly IServiceProvider _services;
        private readonly TableClient _texts;
        private readonly TableClient _outbox;
        private readonly Azure.Storage.Queues.QueueClient[] _lanes;
        private readonly int _perParent;
        private readonly string _bucket;
        private readonly DateTimeOffset _now;
        private StorageRequestSnapshot _before;
        private StorageRequestSnapshot _after;

        private SendPass(Microsoft.AspNetCore.Builder.WebApplication app, TableClient texts, TableClient outbox, Azure.Storage.Queues.QueueClient[] lanes, int perParent, string bucket, DateTimeOffset now)
        {
            (_app, _services, _texts, _outbox, _lanes, _perParent, _bucket, _now) = (app, app.Services, texts, outbox, lanes, perParent, bucket, now);
        }

        public int Numbers { get; private set; }

        public int Expected { get; private set; }

        public string Queue => _services.GetRequiredService<IOptions<ReminderOptions>>().Value.SendQueue;

        public StorageRequestSnapshot Requests => _after.Since(_before);

        /// <summary>The runner's start: the worker process started, connected and its functions loaded (the listeners start with it).</summary>
        public TimeSpan StartUp { get; private set; }

        /// <summary>The texts sent after the clock started: those the listeners took while the runner was still starting are left out.</summary>
        public int Timed { get; private set; }

        public static async Task<SendPass> StartAsync(string mode, int count)
        {
            var settings = BenchServices.Settings("sends");
            settings["LocalRunner:Port"] = "0";
            settings["LocalRunner:Mode"] = mode;
            settings["Reminders:DispatchSchedule"] = "0 0 0 1 1 *"; // the dispatch tick is measured separately
            settings["Retention:Schedule"] = "0 0 0 1 1 *";
            var builder = LocalRunnerApp.CreateBuilder([]);
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.ClearProviders();
            var app = LocalRunnerApp.Build(builder);
            var services = app.Services;
            var options = services.GetRequiredService<IOptions<ReminderOptions>>().Value;

            // The bench's own reads go through clients of its own, so the runner's request counter sees only the runner.
            var connection = BenchServices.Storage;
            var prefix = settings["Storage:TablePrefix"];
            var service = new TableServiceClient(connection);
            var queues = new Azure.Storage.Queues.QueueServiceClient(connection);
            var texts = service.GetTableClient(prefix + TableNames.Texts);
            var outbox = service.GetTableClient(prefix + TableNames.Outbox);
            await texts.CreateIfNotExistsAsync();
            await outbox.CreateIfNotExistsAsync();
            var lanes = new[] { queues.GetQueueClient(options.SendQueue), queues.GetQueueClient(options.InteractiveSendQueue) };
            foreach (var lane in lanes)
            {
                await lane.CreateIfNotExistsAsync();
            }

            await services.GetRequiredService<VenueCatalogue>().LoadAsync(DemoSeeder.PilotVenueRows(), CancellationToken.None);

            // Spread over enough parents that the hourly cap per number (Sms:MaxPerNumberPerHour) holds none back: one
            // number would get its first 10 texts and then wait an hour, which is the cap working, not the sending speed.
            var perParent = Math.Max(1, services.GetRequiredService<IOptions<SmsOptions>>().Value.MaxPerNumberPerHour - 1);
            var now = DateTimeOffset.UtcNow;
            var pass = new SendPass(app, texts, outbox, lanes, perParent, DueBuckets.For(now), now);
            await pass.PrepareAsync(count);
            return pass;
        }

        private async Task PrepareAsync(int count)
        {
            Numbers = (count + _perParent - 1) / _perParent;
            if (Numbers > 999)
            {
                throw new ArgumentOutOfRangeException(nameof(count), Invariant($"{count:N0} texts need {Numbers:N0} numbers and the capped case one more; the drama range 07700 900000-900999 has 1,000"));
            }

            Console.WriteLine(Invariant($"[sends] registering {Numbers:N0} parents (07700 900xxx) and booking one appointment each: {_perParent} texts a number at most, under the hourly cap"));
            var targets = new (string ParentId, string AppointmentId)[Numbers];
            await Parallel.ForEachAsync(Enumerable.Range(0, Numbers), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) => targets[i] = await BookAsync(i, ct));

            Console.WriteLine(Invariant($"[sends] preparing {count:N0} due texts and their queue messages"));
            var rows = Enumerable.Range(0, count).Select(i => (Id: $"{targets[i % Numbers].AppointmentId}-v1-bench-{i:D6}", Target: targets[i % Numbers])).ToList();
            await AddDueAsync(_texts, _services.GetRequiredService<TextStore>(), _services.GetRequiredService<SendQueueWriter>(), _bucket, _now, rows);
            Expected = count + Numbers; // and each booking's confirmation
        }

        private async Task<(string ParentId, string AppointmentId)> BookAsync(int i, CancellationToken ct)
        {
            var startsAt = VenueHours.NextOpenAt(DemoSeeder.PilotVenues().Single(v => v.Id == "cc-lambeth-stockwell"), _now.AddDays(20))!.Value.ToString("O", CultureInfo.InvariantCulture);
            var parent = await _services.GetRequiredService<ParentRegistration>().RegisterAsync(
                Caller.Office("jcp-lambeth"),
                new RegisterParentRequest("Amina", Invariant($"07700 900{i:D3}"), new AddressRequest(["12 Stockwell Road", "London"], "SW9 9TN"), "en", new ConsentsRequest(true)), ct);
            var booked = await _services.GetRequiredService<AppointmentBooking>().BookAsync(
                Caller.Office("jcp-lambeth"), new BookAppointmentRequest(parent.Value!.Id, "cc-lambeth-stockwell", startsAt, "wfi", null), ct);
            return (parent.Value.Id, booked.Value!.Id);
        }

        /// <summary>
        /// Starts the runner and waits until every prepared text (and each booking's confirmation) is in the outbox; the time
        /// from the runner's start done (<see cref="StartUp"/>, a worker process's start-up, measured by itself and by
        /// <c>./bench.sh runner</c>) to the last text. The queue listeners start with the runner, so a few texts may go
        /// before the clock starts: they are counted and left out of <see cref="Timed"/>.
        /// </summary>
        public async Task<TimeSpan> SendAllAsync()
        {
            var counter = _services.GetRequiredService<StorageRequestCounter>();
            _before = counter.Snapshot();
            var starting = Stopwatch.StartNew();
            await _app.StartAsync();
            StartUp = starting.Elapsed;
            var clock = Stopwatch.StartNew();
            Timed = Expected - await CountAsync(_outbox);
            int sent;
            do
            {
                // The send queues' counts (messages being handled still count) are cheap requests; the outbox is scanned
                // only once both are empty, so the bench's own polling does not load Azurite while the texts are sent.
                while (await WaitingAsync(_lanes) > 0 && clock.Elapsed < TimeSpan.FromMinutes(10))
                {
                    await Task.Delay(100);
                }

                if ((sent = await CountAsync(_outbox)) < Expected)
                {
                    if (clock.Elapsed > TimeSpan.FromMinutes(10))
                    {
                        throw new TimeoutException(Invariant($"only {sent} of {Expected} texts were sent in 10 minutes"));
                    }

                    await Task.Delay(100);
                }
            }
            while (sent < Expected);

            clock.Stop();
            _after = counter.Snapshot();
            return clock.Elapsed;
        }

        /// <summary>
        /// The cap working, as its own case: one more number given twice its hourly cap at once (its booking's confirmation
        /// is one of the cap). The first cap go; the rest are held, not dropped, until a slot frees an hour on.
        /// </summary>
        public async Task CappedCaseAsync()
        {
            var capped = await BookAsync(Numbers, CancellationToken.None);
            var cappedRows = Enumerable.Range(0, 2 * (_perParent + 1)).Select(i => (Id: $"{capped.AppointmentId}-v1-capped-{i:D3}", Target: capped)).ToList();
            await AddDueAsync(_texts, _services.GetRequiredService<TextStore>(), _services.GetRequiredService<SendQueueWriter>(), _bucket, _now, cappedRows);
            var cap = _perParent + 1;
            var cappedClock = Stopwatch.StartNew();
            int sent;
            while ((sent = await CountAsync(_outbox)) < Expected + cap && cappedClock.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(200);
            }

            await Task.Delay(TimeSpan.FromSeconds(5)); // time enough for any text over the cap to be (wrongly) sent
            sent = await CountAsync(_outbox) - Expected;
            var held = 0;
            await foreach (var row in _texts.QueryAsync<TextEntity>(t => t.ParentId == capped.ParentId && (t.PartitionKey == _bucket || t.Kind == "confirmation")))
            {
                held += TextStates.IsPending(row.State) ? 1 : 0;
            }

            Console.WriteLine(Invariant($"[sends] one number given {cappedRows.Count + 1} texts at once, its confirmation and {cappedRows.Count} due (cap {cap} an hour): {sent} sent, {held} held for the hourly cap, none dropped"));
            if (sent != cap || held != cappedRows.Count + 1 - cap)
            {
                throw new InvalidOperationException(Invariant($"the hourly cap of {cap} let {sent} texts through and held {held}"));
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private static async Task AddDueAsync(TableClient texts, TextStore store, SendQueueWriter writer, string bucket, DateTimeOffset now, IReadOnlyList<(string Id, (string ParentId, string AppointmentId) Target)> rows)
    {
        var added = new List<TextEntity>();
        foreach (var chunk in rows.Chunk(100))
        {
            var entities = chunk.Select(row => new TextEntity
            {
                PartitionKey = bucket,
                RowKey = row.Id,
                AppointmentId = row.Target.AppointmentId,
                AppointmentVersion = 1,
                ParentId = row.Target.ParentId,
                Kind = "reminder-2h",
                DueAt = now,
                StateChangedAt = now,
            }).ToList();
            var answers = (await texts.SubmitTransactionAsync(entities.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)))).Value;
            for (var i = 0; i < entities.Count; i++)
            {
                entities[i].ETag = answers[i].Headers.ETag ?? default;
            }

            added.AddRange(entities);
        }

        // As the dispatch tick queues a minute: marked queued a hundred at a time, then one message for up to 16 texts,
        // each carried as the mark left it.
        foreach (var batch in added.Chunk(100))
        {
            await store.MarkQueuedAsync(bucket, batch, now, CancellationToken.None, TextStore.QueuedByDispatch);
        }

        await Parallel.ForEachAsync(added.Chunk(SendMessage.MaxTexts), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (together, ct) => await writer.EnqueueCarryingAsync(bucket, together, ct));
    }

    private static async Task<int> WaitingAsync(IEnumerable<Azure.Storage.Queues.QueueClient> queues)
    {
        var waiting = 0;
        foreach (var queue in queues)
        {
            waiting += (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        }

        return waiting;
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

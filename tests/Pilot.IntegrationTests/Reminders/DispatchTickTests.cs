using System.Text.Json;
using Pilot.Shared;
using Pilot.Shared.Reminders;
using Pilot.Shared.Reminders.Dispatch;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Storage;

namespace Pilot.IntegrationTests.Reminders;

public sealed class DispatchTickTests
{
    [Fact]
    public async Task A_tick_reads_only_the_texts_due_now_not_every_text_stored()
    {
        await using var services = await PilotServices.StartAsync();
        var texts = services.Get<TextStore>();
        var dispatcher = services.Get<DueReminderDispatcher>();
        var now = services.Time.GetUtcNow();
        await dispatcher.DispatchDueAsync(CancellationToken.None); // sets the cursor

        // 3,000 texts due over the next 50 hours, and 40 due in the coming minute.
        await Parallel.ForEachAsync(Enumerable.Range(0, 3_000), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await texts.AddAsync(Text(now.AddMinutes(2 + i)), ct));
        for (var i = 0; i < 40; i++)
        {
            await texts.AddAsync(Text(now.AddSeconds(30)), CancellationToken.None);
        }

        services.Time.Advance(TimeSpan.FromMinutes(1));
        await services.Get<StorageClients>().QueueAsync(services.SendQueue); // created once per process, not per tick
        var counter = services.Get<StorageRequestCounter>();
        var before = counter.Snapshot();
        var tick = await dispatcher.DispatchDueAsync(CancellationToken.None);
        var requests = counter.Snapshot().Since(before);

        Assert.Equal(40, tick.Enqueued);
        Assert.Equal(40, tick.MarkedQueued);
        Assert.Equal(41, tick.EntitiesRead); // the 40 due and the cursor
        Assert.Equal(3, requests.Queues); // 40 texts in three messages: 16, 16 and 8
        Assert.InRange(requests.Tables, 1, 20);
    }

    [Fact]
    public async Task A_tick_after_downtime_catches_up_on_every_minute_missed()
    {
        await using var services = await PilotServices.StartAsync();
        var texts = services.Get<TextStore>();
        var dispatcher = services.Get<DueReminderDispatcher>();
        var now = services.Time.GetUtcNow();
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        for (var i = 1; i <= 5; i++)
        {
            await texts.AddAsync(Text(now.AddMinutes(i * 10)), CancellationToken.None);
        }

        services.Time.Advance(TimeSpan.FromHours(1));
        var tick = await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(60, tick.MinutesRead);
        Assert.Equal(5, tick.Enqueued);
    }

    [Fact]
    public async Task A_tick_queues_a_minute_in_messages_of_up_to_16_texts_and_a_text_failing_in_one_is_queued_again_alone()
    {
        await using var services = await PilotServices.StartAsync();
        var texts = services.Get<TextStore>();
        var dispatcher = services.Get<DueReminderDispatcher>();
        var now = services.Time.GetUtcNow();
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        var due = Enumerable.Range(0, 17).Select(_ => Text(now.AddSeconds(30))).ToList();
        due[5].Kind = "no-such-kind"; // no send rule: its send throws
        due[5].RowKey = "-" + due[5].RowKey; // before every hex key, so in the message of 16 (the tick sorts by key)
        foreach (var text in due)
        {
            await texts.AddAsync(text, CancellationToken.None);
        }

        services.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(17, (await dispatcher.DispatchDueAsync(CancellationToken.None)).Enqueued);
        var queue = await services.Get<StorageClients>().QueueAsync(services.SendQueue);
        var messages = (await queue.ReceiveMessagesAsync(32)).Value
            .Select(m => JsonSerializer.Deserialize<SendMessage>(m.Body.ToString(), JsonDefaults.Web)!)
            .OrderByDescending(m => m.Texts().Count)
            .ToList();
        Assert.Equal([16, 1], messages.Select(m => m.Texts().Count));
        Assert.Equal(due.Select(t => t.RowKey).Order(), messages.SelectMany(m => m.Texts()).Select(t => t.TextId).Order());

        var sender = services.Get<TextSender>();
        var failing = due[5].Ref;
        var first = messages.Single(m => m.Texts().Contains(failing));
        await sender.SendEachAsync(first, CancellationToken.None); // does not throw: the failing text is queued again alone

        foreach (var text in first.Texts().Where(t => t != failing))
        {
            Assert.Equal(TextStates.Cancelled, (await texts.GetAsync(text, CancellationToken.None))!.State); // no appointment: cancelled, not left queued
        }

        Assert.Equal(TextStates.Queued, (await texts.GetAsync(failing, CancellationToken.None))!.State);
        var again = Assert.Single((await queue.ReceiveMessagesAsync(32)).Value);
        var alone = JsonSerializer.Deserialize<SendMessage>(again.Body.ToString(), JsonDefaults.Web)!;
        Assert.Equal([failing], alone.Texts());
        Assert.Null(alone.TextIds);

        // On its own, its failure fails the message, so the queue retries it and at last moves it to the poison queue.
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => sender.SendEachAsync(alone, CancellationToken.None));
    }

    private static TextEntity Text(DateTimeOffset due) => new()
    {
        PartitionKey = DueBuckets.For(due),
        RowKey = Guid.NewGuid().ToString("N"),
        AppointmentId = "bench",
        Kind = "reminder-1d",
        DueAt = due,
        StateChangedAt = due,
    };
}

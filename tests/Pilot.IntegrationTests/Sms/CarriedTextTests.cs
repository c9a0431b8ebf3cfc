using System.Text.Json;
using Azure.Data.Tables;
using Pilot.Shared;
using Pilot.Shared.Reminders.Dispatch;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Storage;

namespace Pilot.IntegrationTests.Sms;

/// <summary>
/// The dispatch tick marks a minute's texts queued, then sends their messages carrying each text as the mark left it
/// (<see cref="SendMessage.Rows"/>): the sender decides from that row without reading the text, and a row changed
/// since is read and decided anew. A tick that fails between its mark and its messages loses nothing.
/// </summary>
public sealed class CarriedTextTests
{
    [Fact]
    public async Task A_ticks_message_carries_each_text_as_marked_and_the_sender_decides_without_reading_it()
    {
        await using var services = await PilotServices.StartAsync();
        var due = await DueAsync(services, 3);

        services.Time.Advance(TimeSpan.FromMinutes(1));
        var tick = await services.Get<DueReminderDispatcher>().DispatchDueAsync(CancellationToken.None);
        Assert.Equal((3, 3), (tick.Enqueued, tick.MarkedQueued));
        var message = Assert.Single(await MessagesAsync(services));
        var table = await services.Get<StorageClients>().TableAsync(TableNames.Texts);
        foreach (var text in due)
        {
            var carried = message.CarriedRow(text.Ref);
            Assert.NotNull(carried);
            var stored = (await table.GetEntityAsync<TextEntity>(text.PartitionKey, text.RowKey)).Value;
            Assert.Equal(stored.ETag, carried.ETag);
            Assert.Equal((TextStates.Queued, TextStore.QueuedByDispatch), (stored.State, stored.QueuedBy));
        }

        // Each text's appointment is gone, so each is cancelled at send time: the appointment read and the cancel, no
        // read of the text (read, it would be three requests).
        await services.Get<StorageClients>().TableAsync(TableNames.Appointments); // created once per process, not per send
        var counter = services.Get<StorageRequestCounter>();
        var sender = services.Get<TextSender>();
        var before = counter.Snapshot();
        var report = await sender.SendAndReportAsync(due[0].Ref, CancellationToken.None, message.CarriedRow(due[0].Ref));
        Assert.Equal(SendOutcome.Cancelled, report.Outcome);
        Assert.Equal(2, counter.Snapshot().Since(before).Tables);

        before = counter.Snapshot();
        Assert.Equal(SendOutcome.Cancelled, (await sender.SendAndReportAsync(due[1].Ref, CancellationToken.None)).Outcome);
        Assert.Equal(3, counter.Snapshot().Since(before).Tables);

        await sender.SendEachAsync(message, CancellationToken.None);
        foreach (var text in due)
        {
            Assert.Equal(TextStates.Cancelled, (await table.GetEntityAsync<TextEntity>(text.PartitionKey, text.RowKey)).Value.State);
        }
    }

    [Fact]
    public async Task A_carried_row_changed_since_is_not_acted_on_the_text_is_read_and_decided_anew()
    {
        await using var services = await PilotServices.StartAsync();
        var text = Assert.Single(await DueAsync(services, 1));
        services.Time.Advance(TimeSpan.FromMinutes(1));
        await services.Get<DueReminderDispatcher>().DispatchDueAsync(CancellationToken.None);
        var message = Assert.Single(await MessagesAsync(services));

        // Another worker took the text from a second message meanwhile: it is sending, under its lease.
        var table = await services.Get<StorageClients>().TableAsync(TableNames.Texts);
        var elsewhere = (await table.GetEntityAsync<TextEntity>(text.PartitionKey, text.RowKey)).Value;
        elsewhere.BeginSending("+447700900123", "Reminder", services.Time.GetUtcNow(), TimeSpan.FromMinutes(5));
        await table.UpdateEntityAsync(elsewhere, elsewhere.ETag, TableUpdateMode.Replace);

        var report = await services.Get<TextSender>().SendAndReportAsync(text.Ref, CancellationToken.None, message.CarriedRow(text.Ref));

        Assert.Equal(SendOutcome.CheckLater, report.Outcome);
        var stored = (await table.GetEntityAsync<TextEntity>(text.PartitionKey, text.RowKey)).Value;
        Assert.Equal(TextStates.Sending, stored.State); // not cancelled from the out-of-date row
    }

    [Fact]
    public async Task A_tick_that_fails_after_its_mark_and_before_its_messages_has_them_sent_by_the_next_tick()
    {
        await using var services = await PilotServices.StartAsync();
        var due = await DueAsync(services, 20);
        var queue = await services.Get<StorageClients>().QueueAsync(services.SendQueue);
        await queue.DeleteAsync(); // the messages cannot be sent

        services.Time.Advance(TimeSpan.FromMinutes(1));
        var dispatcher = services.Get<DueReminderDispatcher>();
        await Assert.ThrowsAnyAsync<Azure.RequestFailedException>(() => dispatcher.DispatchDueAsync(CancellationToken.None));
        var table = await services.Get<StorageClients>().TableAsync(TableNames.Texts);
        Assert.All(due, text => Assert.Equal(TextStates.Queued, table.GetEntity<TextEntity>(text.PartitionKey, text.RowKey).Value.State));

        await queue.CreateAsync();
        var again = await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal((20, 0), (again.Enqueued, again.MarkedQueued));
        var messages = await MessagesAsync(services);
        Assert.Equal(due.Select(t => t.RowKey).Order(), messages.SelectMany(m => m.Texts()).Select(t => t.TextId).Order());
        Assert.All(due, text => Assert.NotNull(messages.Select(m => m.CarriedRow(text.Ref)).SingleOrDefault(r => r is not null)));
    }

    [Fact]
    public async Task A_text_changed_or_deleted_between_the_ticks_read_and_its_mark_is_left_out_and_not_carried()
    {
        await using var services = await PilotServices.StartAsync();
        var due = await DueAsync(services, 4);
        var store = services.Get<TextStore>();
        var table = await services.Get<StorageClients>().TableAsync(TableNames.Texts);
        var read = new List<TextEntity>();
        foreach (var text in due)
        {
            read.Add((await table.GetEntityAsync<TextEntity>(text.PartitionKey, text.RowKey)).Value);
        }

        // After the read: one text is cancelled, one deleted; the two others are as read.
        var cancelled = (await table.GetEntityAsync<TextEntity>(read[1].PartitionKey, read[1].RowKey)).Value;
        cancelled.Cancel("appointment-cancelled", services.Time.GetUtcNow());
        await table.UpdateEntityAsync(cancelled, cancelled.ETag, TableUpdateMode.Replace);
        await table.DeleteEntityAsync(read[2].PartitionKey, read[2].RowKey);

        var marked = await store.MarkQueuedAsync(read[0].PartitionKey, read, services.Time.GetUtcNow(), CancellationToken.None, TextStore.QueuedByDispatch);

        Assert.Equal(2, marked);
        Assert.Equal([true, false, false, true], read.Select(t => t.ETag != default));
        var message = SendMessage.Carrying(read[0].PartitionKey, read);
        Assert.Equal([read[0].RowKey, read[3].RowKey], message.Rows!.Select(r => r.Row.RowKey));
        Assert.Equal(TextStates.Cancelled, (await table.GetEntityAsync<TextEntity>(read[1].PartitionKey, read[1].RowKey)).Value.State);
        foreach (var kept in new[] { read[0], read[3] })
        {
            var stored = (await table.GetEntityAsync<TextEntity>(kept.PartitionKey, kept.RowKey)).Value;
            Assert.Equal((TextStates.Queued, kept.ETag), (stored.State, stored.ETag));
        }
    }

    private static async Task<IReadOnlyList<TextEntity>> DueAsync(PilotServices services, int count)
    {
        var due = services.Time.GetUtcNow().AddSeconds(30);
        var texts = Enumerable.Range(0, count).Select(_ => new TextEntity
        {
            PartitionKey = DueBuckets.For(due),
            RowKey = Guid.NewGuid().ToString("N"),
            AppointmentId = "gone-" + Guid.NewGuid().ToString("N"),
            AppointmentVersion = 1,
            Kind = "reminder-1d",
            DueAt = due,
            StateChangedAt = due,
        }).ToList();
        var store = services.Get<TextStore>();
        await services.Get<DueReminderDispatcher>().DispatchDueAsync(CancellationToken.None); // the cursor, before they fall due
        foreach (var text in texts)
        {
            await store.AddAsync(text, CancellationToken.None);
        }

        return texts;
    }

    private static async Task<List<SendMessage>> MessagesAsync(PilotServices services)
    {
        var queue = await services.Get<StorageClients>().QueueAsync(services.SendQueue);
        return [.. (await queue.ReceiveMessagesAsync(32)).Value.Select(m => JsonSerializer.Deserialize<SendMessage>(m.Body.ToString(), JsonDefaults.Web)!)];
    }
}

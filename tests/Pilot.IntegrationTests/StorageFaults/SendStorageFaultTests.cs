using Pilot.FaultRun.StorageFaults;
using Pilot.Shared.Reminders;
using Pilot.Shared.Reminders.Dispatch;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Storage;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.StorageFaults;

/// <summary>
/// Each write of dispatching and sending a text applied by storage but its answer lost (the SDK then retries it and
/// meets its own earlier write: 409 on an insert, 412 on a replace, a second queue message), through the fault proxy in
/// front of Azurite: the text is still sent exactly once and ends sent, whichever write it was.
/// </summary>
public sealed class SendStorageFaultTests
{
    /// <summary>Reminders:SendingLeaseSeconds as these tests leave it: how long a send in progress is left alone.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(new ReminderOptions().SendingLeaseSeconds);

    public static TheoryData<string, string, string, int> Writes => new()
    {
        { "the hourly cap's claim (its first row for the number)", "POST", TableNames.NumberHourCounts, 0 },
        { "the text's move to sending", "PUT", TableNames.Texts + "(", 0 },
        { "the outbox's record of the message", "POST", TableNames.Outbox, 0 },
        { "the text's outcome", "PUT", TableNames.Texts + "(", 1 },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_text_whose_write_was_applied_but_unanswered_is_sent_exactly_once(string step, string method, string path, int skip)
    {
        var (proxy, services, _) = await BookThroughTheProxyAsync();
        await using var disposeProxy = proxy;
        await using var disposeServices = services;
        var confirmation = Assert.Single(await SendQueueReader.ReceiveAllAsync(services)).Text;
        var sender = services.Get<TextSender>();
        var store = services.Get<TextStore>();
        proxy.Tables.Target(new TargetedFault(method, path, TargetedFaultKind.AppliedThenDropped, Skip: skip));

        // The queue's deliveries of the message: each after the last one's lease, as a delayed message or retry would come.
        var outcomes = new List<string>();
        for (var delivery = 0; delivery < 4 && (await store.GetAsync(confirmation, CancellationToken.None))?.State is not (TextStates.Sent or TextStates.Delivered); delivery++)
        {
            try
            {
                outcomes.Add((await sender.SendAsync(confirmation, CancellationToken.None)).ToString());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                outcomes.Add(ex.GetType().Name); // the function fails; the queue delivers the message again
            }

            services.Time.Advance(Lease + TimeSpan.FromSeconds(1));
        }

        Assert.True(proxy.Counts[StorageService.Tables].AppliedThenFailed == 1, $"{step}: the fault was not met ({string.Join(", ", outcomes)})");
        var text = await store.GetAsync(confirmation, CancellationToken.None);
        Assert.True(text?.State is TextStates.Sent or TextStates.Delivered, $"{step}: the text ended {text?.State} ({string.Join(", ", outcomes)})");
        Assert.Single(await Outbox.AllAsync(services));
    }

    public static TheoryData<string, string, string, string> DispatchWrites => new()
    {
        { "the send message's enqueue", "queues", "POST", "/messages" },
        { "the mark of the minute's texts as queued (a transaction)", "tables", "POST", "$batch" },
        { "the dispatch cursor's first write", "tables", "POST", TableNames.Cursors },
    };

    [Theory]
    [MemberData(nameof(DispatchWrites))]
    public async Task A_due_reminder_whose_dispatch_write_was_applied_but_unanswered_is_sent_exactly_once(string step, string service, string method, string path)
    {
        var (proxy, services, booked) = await BookThroughTheProxyAsync();
        await using var disposeProxy = proxy;
        await using var disposeServices = services;
        await SendQueueReader.DrainAsync(services); // the confirmation
        var reminder = booked.Reminders.Where(r => r.Kind != "confirmation").MinBy(r => r.DueAt)!;
        services.Time.SetUtcNow(reminder.DueAt.ToUniversalTime().AddSeconds(30));
        var faults = service == "queues" ? proxy.Queues : proxy.Tables;
        faults.Target(new TargetedFault(method, path, TargetedFaultKind.AppliedThenDropped));

        // The timer's ticks, a minute apart, each followed by the queue function taking every message.
        var outcomes = new List<string>();
        for (var tick = 0; tick < 3; tick++)
        {
            try
            {
                outcomes.Add($"tick queued {(await services.Get<DueReminderDispatcher>().DispatchDueAsync(CancellationToken.None)).Enqueued}");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                outcomes.Add($"tick failed {ex.GetType().Name}"); // the timer runs again next minute
            }

            outcomes.AddRange((await SendQueueReader.DrainAsync(services)).Select(o => o.ToString()));
            services.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var storage = service == "queues" ? StorageService.Queues : StorageService.Tables;
        Assert.True(proxy.Counts[storage].AppliedThenFailed == 1, $"{step}: the fault was not met ({string.Join(", ", outcomes)})");
        var outbox = await Outbox.AllAsync(services);
        Assert.Equal(2, outbox.Count); // the confirmation and the reminder, once each
        Assert.Single(outbox, o => o.RowKey.EndsWith("-" + reminder.Kind, StringComparison.Ordinal));
    }

    /// <summary>Pilot's services with storage through the fault proxy, and one parent's appointment booked (its confirmation queued).</summary>
    private static async Task<(StorageFaultProxy Proxy, PilotServices Services, Pilot.Shared.Appointments.AppointmentBooked Booked)> BookThroughTheProxyAsync()
    {
        await Azurite.EnsureReachableAsync();
        var proxy = await StorageFaultProxy.StartAsync(Azurite.ConnectionString);
        var services = await PilotServices.StartAsync(settings: new Dictionary<string, string?> { ["AzureWebJobsStorage"] = proxy.ConnectionString });
        var parent = await Scenario.ParentAsync(services);
        return (proxy, services, await Scenario.BookAsync(services, parent, new DateTimeOffset(2026, 3, 5, 14, 0, 0, TimeSpan.Zero)));
    }
}

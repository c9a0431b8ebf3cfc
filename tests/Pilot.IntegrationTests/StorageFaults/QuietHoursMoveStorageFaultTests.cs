using Pilot.Shared.Reminders.Dispatch;
using Pilot.Shared.Sms.Outbound;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.StorageFaults;

/// <summary>
/// A text moved out of quiet hours is written under the due minute of their end and then deleted from its old place.
/// When storage loses that delete (the function fails, its message comes back after quiet hours), the old row must not
/// be sent as well: found by ./faults.sh as "filed under two due buckets".
/// </summary>
public sealed class QuietHoursMoveStorageFaultTests
{
    [Fact]
    public async Task A_text_whose_old_row_outlived_its_move_out_of_quiet_hours_is_sent_once_from_its_new_place()
    {
        await using var services = await PilotServices.StartAsync();
        var confirmation = await BookedAtHalfPastEightAsync(services);
        var store = services.Get<TextStore>();
        var oldRow = (await store.GetAsync(confirmation, CancellationToken.None))!;
        var sender = services.Get<TextSender>();
        services.Time.SetUtcNow(new DateTimeOffset(2026, 3, 3, 21, 10, 0, TimeSpan.Zero)); // the worker was late: quiet hours
        Assert.Equal(SendOutcome.Deferred, await sender.SendAsync(confirmation, CancellationToken.None));

        // The row as a lost delete leaves it; its message comes back the next morning, before the moved copy's minute is dispatched.
        await store.AddAsync(oldRow, CancellationToken.None);
        services.Time.SetUtcNow(new DateTimeOffset(2026, 3, 4, 8, 0, 30, TimeSpan.Zero));
        var oldMessage = await sender.SendAsync(confirmation, CancellationToken.None);
        services.Time.SetUtcNow(new DateTimeOffset(2026, 3, 4, 8, 1, 0, TimeSpan.Zero));
        await services.Get<DueReminderDispatcher>().DispatchDueAsync(CancellationToken.None);
        var dispatched = await SendQueueReader.DrainAsync(services);

        Assert.Equal(SendOutcome.Deferred, oldMessage);
        Assert.Null(await store.GetAsync(confirmation, CancellationToken.None));
        Assert.Equal([SendOutcome.Sent], dispatched);
        Assert.Single(await Outbox.AllAsync(services));
    }

    [Fact]
    public async Task A_text_moved_to_the_end_of_quiet_hours_as_they_end_is_queued_as_well_since_the_tick_may_have_read_that_minute()
    {
        await using var services = await PilotServices.StartAsync();
        var confirmation = await BookedAtHalfPastEightAsync(services);
        var sender = services.Get<TextSender>();

        // Decided two seconds before quiet hours end (08:00): its copy goes under 08:00, which the tick may have read by
        // the time a slow write lands there. It is queued for the end of quiet hours as well.
        services.Time.SetUtcNow(new DateTimeOffset(2026, 3, 4, 7, 59, 58, TimeSpan.Zero));
        Assert.Equal(SendOutcome.Deferred, await sender.SendAsync(confirmation, CancellationToken.None));
        var moved = new TextRef("202603040800", confirmation.TextId);
        Assert.NotNull(await services.Get<TextStore>().GetAsync(moved, CancellationToken.None));
        services.Time.SetUtcNow(new DateTimeOffset(2026, 3, 4, 8, 0, 1, TimeSpan.Zero));
        var queued = await ReceiveWithinAsync(services, TimeSpan.FromSeconds(10));
        Assert.Equal(moved, Assert.Single(queued).Text);
        Assert.Equal(SendOutcome.Sent, await sender.SendAsync(moved, CancellationToken.None));

        // The tick reads the minute after all: its message finds the text sent.
        await services.Get<DueReminderDispatcher>().DispatchDueAsync(CancellationToken.None);
        Assert.All(await SendQueueReader.DrainAsync(services), outcome => Assert.Equal(SendOutcome.AlreadyDone, outcome));
        Assert.Single(await Outbox.AllAsync(services));
    }

    [Fact]
    public async Task A_text_moved_to_the_end_of_quiet_hours_well_before_they_end_is_left_to_the_tick()
    {
        await using var services = await PilotServices.StartAsync();
        var confirmation = await BookedAtHalfPastEightAsync(services);

        services.Time.SetUtcNow(new DateTimeOffset(2026, 3, 3, 21, 10, 0, TimeSpan.Zero));
        Assert.Equal(SendOutcome.Deferred, await services.Get<TextSender>().SendAsync(confirmation, CancellationToken.None));

        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Empty(await SendQueueReader.ReceiveAllAsync(services));
    }

    /// <summary>A booking at 20:30 on 3 March (quiet hours start at 21:00): its confirmation, taken off the queue.</summary>
    private static async Task<TextRef> BookedAtHalfPastEightAsync(PilotServices services)
    {
        services.Time.SetUtcNow(new DateTimeOffset(2026, 3, 3, 20, 30, 0, TimeSpan.Zero));
        var parent = await Scenario.ParentAsync(services);
        await Scenario.BookAsync(services, parent, new DateTimeOffset(2026, 3, 5, 14, 0, 0, TimeSpan.Zero));
        return Assert.Single(await SendQueueReader.ReceiveAllAsync(services)).Text;
    }

    /// <summary>The message is queued with a delay of real seconds (the queue's clock is not the test's).</summary>
    private static async Task<List<(Azure.Storage.Queues.Models.QueueMessage Message, TextRef Text)>> ReceiveWithinAsync(PilotServices services, TimeSpan limit)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var received = await SendQueueReader.ReceiveAllAsync(services);
            if (received.Count > 0 || waited.Elapsed > limit)
            {
                return received;
            }

            await Task.Delay(200);
        }
    }
}

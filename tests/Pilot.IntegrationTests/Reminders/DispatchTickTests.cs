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
        Assert.Equal(40, requests.Queues);
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

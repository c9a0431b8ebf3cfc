using System.Globalization;
using Pilot.Shared.Access;
using Pilot.Shared.Appointments;
using Pilot.Shared.Parents;
using Pilot.Shared.Reminders;
using Pilot.Shared.Reminders.Dispatch;
using Pilot.Shared.Sms.Outbound;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.Appointments;

public sealed class AppointmentLifecycleTests
{
    [Fact]
    public async Task Booking_queues_the_confirmation_once_and_plans_two_reminders_that_get_appointment_shows()
    {
        await using var services = await PilotServices.StartAsync();
        var parent = await Scenario.ParentAsync(services);
        var startsAt = PilotServices.Morning.AddDays(1).AddHours(1.5);

        var booked = await Scenario.BookAsync(services, parent, startsAt);
        var view = await Scenario.ViewAsync(services, booked.Id);
        var tick = await services.Get<Pilot.Shared.Reminders.Dispatch.DueReminderDispatcher>().DispatchDueAsync(CancellationToken.None);
        var queue = await services.Get<Pilot.Shared.Storage.StorageClients>().QueueAsync(services.InteractiveSendQueue);

        Assert.Equal(["confirmation", "reminder-1d", "reminder-2h"], booked.Reminders.Select(r => r.Kind));
        Assert.Equal(startsAt.AddDays(-1), booked.Reminders[1].DueAt);
        Assert.Equal(startsAt.AddHours(-2), booked.Reminders[2].DueAt);
        Assert.Equal(3, view.Texts.Count);
        Assert.Equal(TextStates.Queued, view.Texts[0].State); // on the send queue already
        Assert.All(view.Texts.Skip(1), t => Assert.Equal(TextStates.Scheduled, t.State));
        Assert.Equal(0, tick.Enqueued); // the tick does not queue the confirmation a second time
        Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Equal(startsAt, view.StartsAt);
    }

    [Fact]
    public async Task An_appointment_belongs_to_the_office_that_booked_it_and_is_not_found_by_another()
    {
        await using var services = await PilotServices.StartAsync();
        var parent = await Scenario.ParentAsync(services);
        var booked = await Scenario.BookAsync(services, parent, PilotServices.Morning.AddDays(3)); // Friday
        var booking = services.Get<AppointmentBooking>();
        var ealing = Caller.Office(RoleKeys.Ealing);

        var seen = await booking.GetAsync(ealing, booked.Id, CancellationToken.None);
        var cancelled = await booking.CancelAsync(ealing, booked.Id, CancellationToken.None);
        var moved = await booking.RescheduleAsync(ealing, booked.Id, new RescheduleAppointmentRequest(PilotServices.Morning.AddDays(7).ToString("O", CultureInfo.InvariantCulture)), CancellationToken.None);
        var bookedForOthers = await booking.BookAsync(ealing, new BookAppointmentRequest(parent, Scenario.Centre, PilotServices.Morning.AddDays(6).ToString("O", CultureInfo.InvariantCulture), "adviser", null), CancellationToken.None); // Monday
        var byCentral = await booking.GetAsync(Caller.Central, booked.Id, CancellationToken.None);
        var centralCancel = await booking.CancelAsync(Caller.Central, booked.Id, CancellationToken.None);

        Assert.All([seen.Kind, cancelled.Kind, moved.Kind, centralCancel.Kind], k => Assert.Equal(Pilot.Shared.Validation.OutcomeKind.NotFound, k));
        Assert.Equal("parentId", Assert.Single(bookedForOthers.Errors).Field);
        Assert.True(byCentral.IsOk);
        Assert.Equal(AppointmentStatuses.Booked, (await Scenario.ViewAsync(services, booked.Id)).Status);
    }

    [Fact]
    public async Task Reschedule_cancels_pending_reminders_plans_new_ones_and_tells_the_parent()
    {
        await using var services = await PilotServices.StartAsync();
        var parent = await Scenario.ParentAsync(services);
        var booked = await Scenario.BookAsync(services, parent, PilotServices.Morning.AddDays(3));
        await SendQueueReader.DrainAsync(services);

        var moved = await services.Get<AppointmentBooking>().RescheduleAsync(
            RoleKeys.LambethOffice,
            booked.Id, new RescheduleAppointmentRequest(PilotServices.Morning.AddDays(6).ToString("O", CultureInfo.InvariantCulture)), CancellationToken.None);
        await SendQueueReader.DrainAsync(services);
        var view = await Scenario.ViewAsync(services, booked.Id);

        Assert.True(moved.IsOk);
        Assert.Equal(2, view.Version);
        Assert.All(view.Texts.Where(t => t.AppointmentVersion == 1 && t.Kind != "confirmation"), t =>
        {
            Assert.Equal(TextStates.Cancelled, t.State);
            Assert.Equal("appointment-rescheduled", t.CancelReason);
        });
        Assert.Equal(TextStates.Delivered, view.Texts.Single(t => t.Kind == "rescheduled").State);
        Assert.Equal(2, view.Texts.Count(t => t.AppointmentVersion == 2 && t.Kind.StartsWith("reminder-", StringComparison.Ordinal)));
        var notice = (await Outbox.AllAsync(services)).Single(e => e.RowKey.EndsWith("-rescheduled", StringComparison.Ordinal));
        Assert.Contains("Amina", notice.GetString("Body"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_cancels_pending_reminders_and_sends_a_cancellation_notice()
    {
        await using var services = await PilotServices.StartAsync();
        var parent = await Scenario.ParentAsync(services);
        var booked = await Scenario.BookAsync(services, parent, PilotServices.Morning.AddDays(3));
        await SendQueueReader.DrainAsync(services);

        var cancelled = await services.Get<AppointmentBooking>().CancelAsync(RoleKeys.LambethOffice, booked.Id, CancellationToken.None);
        await SendQueueReader.DrainAsync(services);
        var view = await Scenario.ViewAsync(services, booked.Id);
        var again = await services.Get<AppointmentBooking>().CancelAsync(RoleKeys.LambethOffice, booked.Id, CancellationToken.None);

        Assert.True(cancelled.IsOk);
        Assert.Equal(AppointmentStatuses.Cancelled, view.Status);
        Assert.Equal(2, view.Texts.Count(t => t.State == TextStates.Cancelled && t.CancelReason == "appointment-cancelled"));
        Assert.Equal(TextStates.Delivered, view.Texts.Single(t => t.Kind == "cancelled").State);
        Assert.True(again.IsOk);
        Assert.Equal(view.Texts.Count, again.Value!.Texts.Count);
    }

    [Fact]
    public async Task A_parent_without_consent_gets_no_texts()
    {
        await using var services = await PilotServices.StartAsync();
        var parent = await Scenario.ParentAsync(services, consent: false);

        var booked = await Scenario.BookAsync(services, parent, PilotServices.Morning.AddDays(1));

        Assert.Empty(booked.Reminders);
        Assert.Empty(await SendQueueReader.ReceiveAllAsync(services));
    }

    [Fact]
    public async Task A_reminder_for_a_parent_who_opted_out_after_booking_is_cancelled_at_send_time()
    {
        await using var services = await PilotServices.StartAsync();
        var parentId = await Scenario.ParentAsync(services);
        var booked = await Scenario.BookAsync(services, parentId, PilotServices.Morning.AddDays(1).AddHours(1.5));
        await SendQueueReader.DrainAsync(services);
        var store = services.Get<ParentStore>();
        var parent = (await store.GetAsync(parentId, CancellationToken.None))!;
        parent.OptedOutAt = services.Time.GetUtcNow();
        await OptOutAsync(services, parent);

        services.Time.Advance(TimeSpan.FromHours(2));
        await services.Get<DueReminderDispatcher>().DispatchDueAsync(CancellationToken.None);
        var outcomes = await SendQueueReader.DrainAsync(services);
        var view = await Scenario.ViewAsync(services, booked.Id);

        Assert.Equal([SendOutcome.Cancelled], outcomes);
        Assert.Equal("no-consent", view.Texts.Single(t => t.Kind == "reminder-1d").CancelReason);
    }

    [Fact]
    public async Task A_text_that_comes_to_be_sent_in_quiet_hours_waits_for_them_to_end()
    {
        await using var services = await PilotServices.StartAsync();
        services.Time.SetUtcNow(new DateTimeOffset(2026, 3, 3, 20, 30, 0, TimeSpan.Zero));
        var parent = await Scenario.ParentAsync(services);
        var booked = await Scenario.BookAsync(services, parent, new DateTimeOffset(2026, 3, 5, 14, 0, 0, TimeSpan.Zero));
        var confirmation = Assert.Single(await SendQueueReader.ReceiveAllAsync(services)).Text;

        services.Time.SetUtcNow(new DateTimeOffset(2026, 3, 3, 21, 10, 0, TimeSpan.Zero)); // the worker was late
        var outcome = await services.Get<TextSender>().SendAsync(confirmation, CancellationToken.None);
        var view = await Scenario.ViewAsync(services, booked.Id);

        Assert.Equal(SendOutcome.Deferred, outcome);
        Assert.Empty(await Outbox.AllAsync(services));
        var moved = view.Texts.Single(t => t.Kind == "confirmation");
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 8, 0, 0, TimeSpan.Zero), moved.DueAt);
        Assert.Equal(TextStates.Scheduled, moved.State);
    }

    private static async Task OptOutAsync(PilotServices services, ParentEntity parent)
    {
        var table = await services.Get<Pilot.Shared.Storage.StorageClients>().TableAsync(Pilot.Shared.Storage.TableNames.Parents);
        await table.UpdateEntityAsync(parent, parent.ETag);
    }
}

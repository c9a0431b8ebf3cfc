using System.Globalization;
using Pilot.Shared.Reminders.Planning;
using Pilot.Shared.Time;

namespace Pilot.Shared.UnitTests.Reminders.Planning;

public sealed class ReminderPlannerTests
{
    private static readonly ReminderSchedule Default = ReminderSchedule.Default;
    private static readonly QuietHours Quiet = QuietHours.Default;
    private static readonly QuietHours NoQuiet = new(new TimeOnly(0, 0), new TimeOnly(0, 0));

    // London wall-clock time; 2026-03-03 is a Tuesday.
    private static DateTimeOffset At(int month, int day, int hour, int minute = 0, int second = 0) =>
        LondonTime.FromLocal(new DateTime(2026, month, day, hour, minute, second));

    private static string[] Describe(IReadOnlyList<PlannedText> plan) =>
        [.. plan.Select(p => $"{p.Kind} {LondonTime.ToLocal(p.DueAt).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture)}")];

    [Fact]
    public void Booking_gets_confirmation_now_then_day_before_and_two_hours_before()
    {
        var plan = ReminderPlanner.PlanBooking(At(3, 5, 10, 30), now: At(3, 2, 12), Default, Quiet);
        Assert.Equal(["confirmation Mon 2 Mar 12:00", "reminder-1d Wed 4 Mar 10:30", "reminder-2h Thu 5 Mar 08:30"], Describe(plan));
    }

    [Fact]
    public void Plan_is_sorted_in_utc_with_unique_kinds()
    {
        var schedule = new ReminderSchedule([1, 1, 2], [2, 2]);
        var plan = ReminderPlanner.PlanBooking(At(7, 16, 14), now: At(7, 1, 12), schedule, Quiet);
        Assert.Equal(plan.OrderBy(p => p.DueAt), plan);
        Assert.Equal(plan.Count, plan.Select(p => p.Kind).Distinct().Count());
        Assert.All(plan, p => Assert.Equal(TimeSpan.Zero, p.DueAt.Offset));
        Assert.Equal(4, plan.Count);
    }

    [Fact]
    public void Reminder_due_in_quiet_hours_moves_to_previous_evening()
    {
        // Twelve hours before 09:00 is 21:00, a minute into quiet hours: 20:59 is nearer than 08:00.
        var schedule = new ReminderSchedule([], [12]);
        var plan = ReminderPlanner.PlanBooking(At(3, 5, 9), now: At(3, 2, 12), schedule, Quiet);
        Assert.Equal(["confirmation Mon 2 Mar 12:00", "reminder-12h Wed 4 Mar 20:59"], Describe(plan));
    }

    [Fact]
    public void Reminder_due_in_early_morning_moves_to_end_of_quiet_hours()
    {
        // Two hours before 09:00 is 07:00: 08:00 is an hour away, 20:59 the night before ten.
        var plan = ReminderPlanner.PlanBooking(At(3, 5, 9), now: At(3, 2, 12), Default, Quiet);
        Assert.Equal(["confirmation Mon 2 Mar 12:00", "reminder-1d Wed 4 Mar 09:00", "reminder-2h Thu 5 Mar 08:00"], Describe(plan));
    }

    [Fact]
    public void Two_hour_reminder_for_0830_appointment_moves_to_0800()
    {
        var plan = ReminderPlanner.PlanBooking(At(3, 5, 8, 30), now: At(3, 2, 12), Default, Quiet);
        Assert.Contains("reminder-2h Thu 5 Mar 08:00", Describe(plan));
    }

    [Fact]
    public void Reminder_moves_to_previous_evening_when_end_of_quiet_hours_is_not_before_the_start()
    {
        // 07:30 appointment: the 2-hour reminder (05:30) cannot move to 08:00, which is after the start.
        var plan = ReminderPlanner.PlanBooking(At(3, 5, 7, 30), now: At(3, 2, 12), Default, Quiet);
        Assert.Equal(["confirmation Mon 2 Mar 12:00", "reminder-1d Wed 4 Mar 08:00", "reminder-2h Wed 4 Mar 20:59"], Describe(plan));
    }

    [Fact]
    public void Reminder_exactly_between_quiet_edges_goes_to_the_earlier()
    {
        // Ten hours before 12:29:30 is 02:29:30, exactly 5 h 30 min 30 s from both 20:59 and 08:00.
        var schedule = new ReminderSchedule([], [10]);
        var plan = ReminderPlanner.PlanBooking(At(3, 5, 12, 29, 30), now: At(3, 2, 12), schedule, Quiet);
        Assert.Equal(["confirmation Mon 2 Mar 12:00", "reminder-10h Wed 4 Mar 20:59"], Describe(plan));
    }

    [Fact]
    public void Reminder_that_could_only_move_into_the_past_is_dropped()
    {
        // Booked at 20:59:30 for 07:30 tomorrow: the 2-hour reminder (05:30) can go neither at
        // 20:59 (already past) nor at 08:00 (after the start).
        var plan = ReminderPlanner.PlanBooking(At(3, 5, 7, 30), now: At(3, 4, 20, 59, 30), Default, Quiet);
        Assert.Equal(["confirmation Wed 4 Mar 20:59"], Describe(plan));
    }

    [Fact]
    public void Day_before_reminder_keeps_local_time_across_spring_forward()
    {
        // Sunday 29 March 2026 the clocks go forward: 10:00 BST Sunday, 10:00 GMT Saturday, 23 hours apart.
        var startsAt = At(3, 29, 10);
        var plan = ReminderPlanner.PlanBooking(startsAt, now: At(3, 23, 12), Default, Quiet);
        var dayBefore = Assert.Single(plan, p => p.Kind == "reminder-1d");
        Assert.Equal("reminder-1d Sat 28 Mar 10:00", Describe([dayBefore])[0]);
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 10, 0, 0, TimeSpan.Zero), dayBefore.DueAt);
        Assert.Equal(TimeSpan.FromHours(23), startsAt - dayBefore.DueAt);
    }

    [Fact]
    public void Day_before_reminder_keeps_local_time_across_autumn_fall_back()
    {
        // Sunday 25 October 2026 the clocks go back: 10:00 GMT Sunday, 10:00 BST Saturday, 25 hours apart.
        var startsAt = At(10, 25, 10);
        var plan = ReminderPlanner.PlanBooking(startsAt, now: At(10, 19, 12), Default, Quiet);
        var dayBefore = Assert.Single(plan, p => p.Kind == "reminder-1d");
        Assert.Equal("reminder-1d Sat 24 Oct 10:00", Describe([dayBefore])[0]);
        Assert.Equal(new DateTimeOffset(2026, 10, 24, 9, 0, 0, TimeSpan.Zero), dayBefore.DueAt);
        Assert.Equal(TimeSpan.FromHours(25), startsAt - dayBefore.DueAt);
    }

    [Fact]
    public void Two_day_reminder_for_monday_keeps_local_time_across_spring_forward()
    {
        var plan = ReminderPlanner.PlanBooking(At(3, 30, 10), now: At(3, 23, 12), new ReminderSchedule([2], []), Quiet);
        Assert.Equal(["confirmation Mon 23 Mar 12:00", "reminder-2d Sat 28 Mar 10:00"], Describe(plan));
    }

    [Fact]
    public void Two_hour_reminder_is_elapsed_time_across_spring_forward()
    {
        // 03:00 BST is 02:00 UTC; two hours earlier is 00:00 UTC, which is 00:00 GMT on the wall clock.
        var startsAt = At(3, 29, 3);
        var plan = ReminderPlanner.PlanBooking(startsAt, now: At(3, 23, 12), new ReminderSchedule([], [2]), NoQuiet);
        var twoHours = Assert.Single(plan, p => p.Kind == "reminder-2h");
        Assert.Equal(TimeSpan.FromHours(2), startsAt - twoHours.DueAt);
        Assert.Equal("reminder-2h Sun 29 Mar 00:00", Describe([twoHours])[0]);
    }

    [Fact]
    public void Two_hour_reminder_is_elapsed_time_across_autumn_fall_back()
    {
        // 02:00 GMT is 02:00 UTC; two hours earlier is 00:00 UTC, which is 01:00 BST on the wall clock.
        var startsAt = At(10, 25, 2);
        var plan = ReminderPlanner.PlanBooking(startsAt, now: At(10, 19, 12), new ReminderSchedule([], [2]), NoQuiet);
        var twoHours = Assert.Single(plan, p => p.Kind == "reminder-2h");
        Assert.Equal(TimeSpan.FromHours(2), startsAt - twoHours.DueAt);
        Assert.Equal("reminder-2h Sun 25 Oct 01:00", Describe([twoHours])[0]);
    }

    [Fact]
    public void Two_hour_reminder_in_the_spring_forward_night_moves_to_previous_evening()
    {
        // 03:00 BST appointment: 08:00 is after the start, so the reminder goes at 20:59 GMT on Saturday.
        var plan = ReminderPlanner.PlanBooking(At(3, 29, 3), now: At(3, 23, 12), new ReminderSchedule([], [2]), Quiet);
        var twoHours = Assert.Single(plan, p => p.Kind == "reminder-2h");
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 20, 59, 0, TimeSpan.Zero), twoHours.DueAt);
    }

    [Fact]
    public void Day_before_reminder_at_ambiguous_autumn_time_takes_the_first_0130()
    {
        var plan = ReminderPlanner.PlanBooking(At(10, 26, 1, 30), now: At(10, 19, 12), new ReminderSchedule([1], []), NoQuiet);
        var dayBefore = Assert.Single(plan, p => p.Kind == "reminder-1d");
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), dayBefore.DueAt);
    }

    [Fact]
    public void Booking_three_hours_ahead_gets_confirmation_and_two_hour_reminder()
    {
        var plan = ReminderPlanner.PlanBooking(At(3, 3, 13), now: At(3, 3, 10), Default, Quiet);
        Assert.Equal(["confirmation Tue 3 Mar 10:00", "reminder-2h Tue 3 Mar 11:00"], Describe(plan));
    }

    [Fact]
    public void Booking_two_and_a_half_hours_ahead_drops_reminder_too_close_to_confirmation()
    {
        var plan = ReminderPlanner.PlanBooking(At(3, 3, 12, 30), now: At(3, 3, 10), Default, Quiet);
        Assert.Equal(["confirmation Tue 3 Mar 10:00"], Describe(plan));
    }

    [Theory]
    [InlineData(90)]
    [InlineData(30)]
    [InlineData(120)] // the 2-hour reminder would be due exactly now
    public void Short_notice_booking_gets_just_the_confirmation(int minutesAhead)
    {
        var now = At(3, 3, 10);
        var plan = ReminderPlanner.PlanBooking(now.AddMinutes(minutesAhead), now, Default, Quiet);
        Assert.Equal(["confirmation Tue 3 Mar 10:00"], Describe(plan));
    }

    [Fact]
    public void Booking_made_after_day_before_reminder_time_skips_it()
    {
        var plan = ReminderPlanner.PlanBooking(At(3, 5, 10, 30), now: At(3, 4, 14), Default, Quiet);
        Assert.Equal(["confirmation Wed 4 Mar 14:00", "reminder-2h Thu 5 Mar 08:30"], Describe(plan));
    }

    [Fact]
    public void No_quiet_hours_lets_texts_go_at_night()
    {
        var plan = ReminderPlanner.PlanBooking(At(3, 4, 5), now: At(3, 3, 23), Default, NoQuiet);
        Assert.Equal(["confirmation Tue 3 Mar 23:00", "reminder-2h Wed 4 Mar 03:00"], Describe(plan));
    }

    [Fact]
    public void Confirmation_during_quiet_hours_waits_until_morning()
    {
        var plan = ReminderPlanner.PlanBooking(At(3, 4, 10), now: At(3, 2, 22, 30), Default, Quiet);
        Assert.Equal(["confirmation Tue 3 Mar 08:00", "reminder-1d Tue 3 Mar 10:00", "reminder-2h Wed 4 Mar 08:00"], Describe(plan));
    }

    [Fact]
    public void Confirmation_during_quiet_hours_for_early_appointment_drops_reminder_at_the_same_time()
    {
        // Booked 22:00 for 08:30: the confirmation waits to 08:00, the 2-hour reminder (06:30) would
        // also land at 08:00 and is dropped; the day-before reminder time has passed.
        var plan = ReminderPlanner.PlanBooking(At(3, 3, 8, 30), now: At(3, 2, 22), Default, Quiet);
        Assert.Equal(["confirmation Tue 3 Mar 08:00"], Describe(plan));
    }

    [Fact]
    public void Confirmation_is_dropped_when_quiet_hours_last_until_the_appointment()
    {
        var plan = ReminderPlanner.PlanBooking(At(3, 3, 7, 30), now: At(3, 2, 22), Default, Quiet);
        Assert.Empty(plan);
    }

    [Fact]
    public void Appointment_in_the_past_or_now_gets_no_plan()
    {
        var now = At(3, 3, 10);
        Assert.Empty(ReminderPlanner.PlanBooking(now.AddMinutes(-1), now, Default, Quiet));
        Assert.Empty(ReminderPlanner.PlanBooking(now, now, Default, Quiet));
        Assert.Empty(ReminderPlanner.PlanReschedule(now.AddDays(-1), now, Default, Quiet));
    }

    [Fact]
    public void Reschedule_sends_a_rescheduled_notice_instead_of_confirmation_and_reminders_for_new_time()
    {
        var plan = ReminderPlanner.PlanReschedule(At(3, 6, 14), now: At(3, 3, 16), Default, Quiet);
        Assert.Equal(["rescheduled Tue 3 Mar 16:00", "reminder-1d Thu 5 Mar 14:00", "reminder-2h Fri 6 Mar 12:00"], Describe(plan));
    }

    [Fact]
    public void Reschedule_during_quiet_hours_waits_until_morning()
    {
        var plan = ReminderPlanner.PlanReschedule(At(3, 3, 11), now: At(3, 2, 21, 15), Default, Quiet);
        Assert.Equal(["rescheduled Tue 3 Mar 08:00", "reminder-2h Tue 3 Mar 09:00"], Describe(plan));
    }

    [Fact]
    public void Cancellation_is_just_the_cancelled_notice_now()
    {
        var plan = ReminderPlanner.PlanCancellation(At(3, 5, 10), now: At(3, 3, 12), Quiet);
        Assert.Equal(["cancelled Tue 3 Mar 12:00"], Describe(plan));
    }

    [Fact]
    public void Cancellation_during_quiet_hours_waits_until_morning_even_after_the_start()
    {
        var plan = ReminderPlanner.PlanCancellation(At(3, 3, 7, 30), now: At(3, 2, 23), Quiet);
        Assert.Equal(["cancelled Tue 3 Mar 08:00"], Describe(plan));
    }

    [Fact]
    public void Custom_schedule_of_two_days_and_one_hour()
    {
        var schedule = new ReminderSchedule([2], [1]);
        var plan = ReminderPlanner.PlanBooking(At(3, 5, 10, 30), now: At(3, 2, 12), schedule, Quiet);
        Assert.Equal(["confirmation Mon 2 Mar 12:00", "reminder-2d Tue 3 Mar 10:30", "reminder-1h Thu 5 Mar 09:30"], Describe(plan));
    }

    [Fact]
    public void Two_reminders_within_an_hour_keep_the_later_one()
    {
        // 08:30 appointment: the 2-hour (06:30) and 1-hour (07:30) reminders both move to 08:00.
        var schedule = new ReminderSchedule([], [2, 1]);
        var plan = ReminderPlanner.PlanBooking(At(3, 5, 8, 30), now: At(3, 2, 12), schedule, Quiet);
        Assert.Equal(["confirmation Mon 2 Mar 12:00", "reminder-1h Thu 5 Mar 08:00"], Describe(plan));
    }

    [Fact]
    public void Reminders_exactly_an_hour_apart_are_both_kept()
    {
        var schedule = new ReminderSchedule([], [3, 2]);
        var plan = ReminderPlanner.PlanBooking(At(3, 5, 14), now: At(3, 2, 12), schedule, Quiet);
        Assert.Equal(["confirmation Mon 2 Mar 12:00", "reminder-3h Thu 5 Mar 11:00", "reminder-2h Thu 5 Mar 12:00"], Describe(plan));
    }

    [Fact]
    public void Day_before_and_24_hour_reminders_at_the_same_time_send_once()
    {
        var schedule = new ReminderSchedule([1], [24]);
        var plan = ReminderPlanner.PlanBooking(At(3, 5, 14), now: At(3, 2, 12), schedule, Quiet);
        Assert.Equal(2, plan.Count);
        Assert.Equal(At(3, 4, 14), plan[1].DueAt);
    }

    [Fact]
    public void No_two_texts_are_ever_within_an_hour()
    {
        var schedule = new ReminderSchedule([1, 2, 3], [1, 2, 3, 4, 6, 12, 24]);
        var now = At(3, 1, 9, 17);
        for (var minutes = 0; minutes < 4 * 24 * 60; minutes += 17)
        {
            var plan = ReminderPlanner.PlanBooking(now.AddMinutes(30 + minutes), now, schedule, Quiet);
            for (var i = 1; i < plan.Count; i++)
            {
                Assert.True(plan[i].DueAt - plan[i - 1].DueAt >= TimeSpan.FromMinutes(60), string.Join(", ", Describe(plan)));
            }

            Assert.All(plan, p => Assert.False(Quiet.IsQuiet(p.DueAt), string.Join(", ", Describe(plan))));
            Assert.All(plan, p => Assert.True(p.DueAt >= now && p.DueAt < now.AddMinutes(30 + minutes)));
        }
    }
}

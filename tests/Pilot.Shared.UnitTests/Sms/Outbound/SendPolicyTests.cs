using Pilot.Shared.Appointments;
using Pilot.Shared.Parents;
using Pilot.Shared.Parents.OwnPage;
using Pilot.Shared.Reminders.Planning;
using Pilot.Shared.Sms.Inbound;
using Pilot.Shared.Sms.Limits;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Sms.Outbound.Policy;
using Pilot.Shared.Time;
using Pilot.Shared.Vacancies.Alerts;
using Pilot.Shared.Vacancies.Catalogue;
using Pilot.Shared.WfiInvitations;

namespace Pilot.Shared.UnitTests.Sms.Outbound;

/// <summary>The send decision for every kind of text, from plain records: no storage, no queue, no gateway.</summary>
public sealed class SendPolicyTests
{
    // 10:00 in London (GMT), well outside the default quiet hours (21:00-08:00).
    private static readonly DateTimeOffset Ten = new(2026, 3, 3, 10, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset TenAtNight = new(2026, 3, 3, 22, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset EightNextMorning = new(2026, 3, 4, 8, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(120);

    [Fact]
    public void A_reminder_due_with_everything_in_order_is_sent_to_the_parents_mobile()
    {
        var decision = SendPolicy.Decide(Reminder(Ten));

        var send = Assert.IsType<Send>(decision);
        Assert.Equal("+447700900123", send.To);
        Assert.Contains("Amina", send.Body, StringComparison.Ordinal);
        Assert.False(send.IsRepeat);
    }

    [Fact]
    public void A_reminder_for_an_appointment_moved_since_it_was_planned_is_cancelled()
    {
        var facts = Reminder(Ten);
        facts.Appointment!.Version = 2;

        Assert.Equal(new Cancel("appointment-rescheduled"), SendPolicy.Decide(facts));
    }

    [Fact]
    public void A_reminder_to_a_parent_who_texted_stop_is_cancelled()
    {
        var facts = Reminder(Ten);
        facts.Parent!.OptedOutAt = Ten.AddHours(-1);

        Assert.Equal(new Cancel("no-consent"), SendPolicy.Decide(facts));
    }

    [Fact]
    public void A_reminder_for_a_cancelled_appointment_is_cancelled_but_the_cancellation_text_goes()
    {
        var reminder = Reminder(Ten);
        reminder.Appointment!.Status = AppointmentStatuses.Cancelled;
        var notice = Reminder(Ten, kind: TextKinds.Cancelled);
        notice.Appointment!.Status = AppointmentStatuses.Cancelled;

        Assert.Equal(new Cancel("appointment-cancelled"), SendPolicy.Decide(reminder));
        Assert.IsType<Send>(SendPolicy.Decide(notice));
    }

    [Fact]
    public void A_reminder_falling_in_quiet_hours_is_deferred_to_their_end()
    {
        Assert.Equal(new DeferUntil(EightNextMorning), SendPolicy.Decide(Reminder(TenAtNight, startsAt: EightNextMorning.AddHours(3))));
    }

    [Fact]
    public void A_reminder_filed_at_20_59_goes_in_that_minutes_first_half_and_waits_for_morning_once_quiet_hours_are_under_30_s_away()
    {
        var twentyFiftyNine = new DateTimeOffset(2026, 3, 3, 20, 59, 0, TimeSpan.Zero);
        var startsAt = EightNextMorning.AddHours(3);

        Assert.IsType<Send>(SendPolicy.Decide(Reminder(twentyFiftyNine.AddSeconds(29), startsAt: startsAt)));
        Assert.Equal(new DeferUntil(EightNextMorning), SendPolicy.Decide(Reminder(twentyFiftyNine.AddSeconds(31), startsAt: startsAt)));
        Assert.Equal(new Cancel("quiet-hours-until-start"), SendPolicy.Decide(Reminder(twentyFiftyNine.AddSeconds(45), startsAt: EightNextMorning)));
    }

    [Fact]
    public void A_text_looked_at_just_before_quiet_hours_end_still_waits_for_their_end()
    {
        var justBeforeEight = EightNextMorning.AddSeconds(-10);

        Assert.Equal(new DeferUntil(EightNextMorning), SendPolicy.Decide(Reminder(justBeforeEight, startsAt: EightNextMorning.AddHours(3))));
    }

    [Fact]
    public void The_last_attempt_must_end_ten_seconds_before_quiet_hours_begin_and_no_margin_applies_without_quiet_hours()
    {
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 20, 59, 50, TimeSpan.Zero), SendPolicy.LastAttemptEnd(QuietHours.Default, Ten));
        Assert.Null(SendPolicy.LastAttemptEnd(new QuietHours(TimeOnly.MinValue, TimeOnly.MinValue), Ten));
        Assert.IsType<Send>(SendPolicy.Decide(Reminder(new DateTimeOffset(2026, 3, 3, 20, 59, 45, TimeSpan.Zero)) with { Quiet = new QuietHours(TimeOnly.MinValue, TimeOnly.MinValue) }));
    }

    [Fact]
    public void A_reminder_that_quiet_hours_would_push_past_the_start_is_cancelled()
    {
        Assert.Equal(new Cancel("quiet-hours-until-start"), SendPolicy.Decide(Reminder(TenAtNight, startsAt: EightNextMorning)));
    }

    [Fact]
    public void A_reminder_to_a_number_that_had_its_texts_this_hour_is_held_until_the_oldest_slot_frees()
    {
        var facts = Reminder(Ten) with { Cap = 2, Hour = new NumberHour([new CapSlot("a", Ten.AddMinutes(-50)), new CapSlot("b", Ten.AddMinutes(-5))]) };

        Assert.Equal(new HoldUntil(Ten.AddMinutes(10)), SendPolicy.Decide(facts));
    }

    [Fact]
    public void A_text_that_already_holds_a_slot_in_its_numbers_hour_is_not_held_by_it()
    {
        var facts = Reminder(Ten);
        facts = facts with { Cap = 1, Hour = new NumberHour([new CapSlot(facts.Text.ProviderId, Ten.AddMinutes(-1))]) };

        Assert.IsType<Send>(SendPolicy.Decide(facts));
    }

    [Fact]
    public void A_repeat_goes_with_the_body_and_number_it_was_first_sent_with()
    {
        var facts = Reminder(Ten);
        facts.Text.BeginSending("+447700900999", "as first written", Ten.AddMinutes(-5), Lease);

        var send = Assert.IsType<Send>(SendPolicy.Decide(facts with { NeverAccepted = true }));

        Assert.Equal(new Send("+447700900999", "as first written", IsRepeat: true), send);
    }

    [Fact]
    public void An_alert_is_written_about_its_vacancy_while_it_is_open_and_cancelled_once_it_has_expired()
    {
        var open = Alert(Ten, expiresAt: Ten.AddDays(1));
        var expired = Alert(Ten, expiresAt: Ten.AddMinutes(-1));

        Assert.Contains("Teaching assistant", Assert.IsType<Send>(SendPolicy.Decide(open)).Body, StringComparison.Ordinal);
        Assert.Equal(new Cancel("vacancy-expired"), SendPolicy.Decide(expired));
    }

    [Fact]
    public void An_alert_to_a_parent_who_turned_jobs_off_is_cancelled()
    {
        var facts = Alert(Ten, expiresAt: Ten.AddDays(1));
        facts.Parent!.AlertsOptIn = false;

        Assert.Equal(new Cancel("alerts-off"), SendPolicy.Decide(facts));
    }

    [Fact]
    public void An_alert_in_quiet_hours_is_deferred_never_cancelled_for_lateness()
    {
        Assert.Equal(new DeferUntil(EightNextMorning), SendPolicy.Decide(Alert(TenAtNight, expiresAt: Ten.AddDays(5))));
    }

    [Fact]
    public void A_digest_lists_only_the_vacancies_still_open()
    {
        var facts = Alert(Ten, expiresAt: Ten.AddDays(1), kind: AlertTextKinds.Digest);
        facts = facts with { Vacancies = [.. facts.Vacancies, (Vacancy("Gone", Ten.AddHours(-1)), 1.0)] };

        var body = Assert.IsType<Send>(SendPolicy.Decide(facts)).Body;

        Assert.Contains("Teaching assistant", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Gone", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wfi_companion_text_goes_as_written_while_the_invitation_is_open()
    {
        Assert.Equal(new Send("+447700900123", "Your letter is coming", IsRepeat: false), SendPolicy.Decide(Wfi(Ten, WfiInvitationStatuses.Posted)));
    }

    [Fact]
    public void A_wfi_companion_text_for_an_invitation_cancelled_meanwhile_is_cancelled()
    {
        Assert.Equal(new Cancel("invitation-closed"), SendPolicy.Decide(Wfi(Ten, WfiInvitationStatuses.Cancelled)));
    }

    [Fact]
    public void A_wfi_text_to_a_parent_who_texted_stop_is_cancelled_and_one_in_quiet_hours_waits()
    {
        var optedOut = Wfi(Ten, WfiInvitationStatuses.Posted);
        optedOut.Parent!.OptedOutAt = Ten.AddDays(-1);

        Assert.Equal(new Cancel("opted-out"), SendPolicy.Decide(optedOut));
        Assert.Equal(new DeferUntil(EightNextMorning), SendPolicy.Decide(Wfi(TenAtNight, WfiInvitationStatuses.Posted)));
    }

    [Fact]
    public void A_wfi_default_notice_waits_for_the_numbers_next_slot_like_a_reminder()
    {
        var facts = Wfi(Ten, WfiInvitationStatuses.Defaulted, WfiTextKinds.Defaulted) with { Cap = 1, Hour = new NumberHour([new CapSlot("other", Ten.AddMinutes(-30))]) };

        Assert.Equal(new HoldUntil(Ten.AddMinutes(30)), SendPolicy.Decide(facts));
    }

    [Theory]
    [InlineData(ReplyTextKinds.Answer)]
    [InlineData(ReplyTextKinds.ConsentConfirmation)]
    public void An_answer_to_a_parents_text_goes_at_once_in_quiet_hours_and_over_the_cap(string kind)
    {
        var facts = Answer(TenAtNight, kind) with { Cap = 1, Hour = new NumberHour([new CapSlot("other", TenAtNight.AddMinutes(-1))]) };

        Assert.Equal(new Send("+447700900123", "You will get no more texts", IsRepeat: false), SendPolicy.Decide(facts));
    }

    [Fact]
    public void A_parents_link_sent_by_their_office_keeps_quiet_hours_and_the_cap_and_is_not_sent_after_stop()
    {
        var facts = ParentLink(Ten);
        var optedOut = ParentLink(Ten);
        optedOut.Parent!.OptedOutAt = Ten.AddDays(-1);

        Assert.Equal(new Send("+447700900123", "Change your job search here", IsRepeat: false), SendPolicy.Decide(facts));
        Assert.Equal(new DeferUntil(EightNextMorning), SendPolicy.Decide(ParentLink(TenAtNight)));
        Assert.Equal(new HoldUntil(Ten.AddMinutes(30)), SendPolicy.Decide(facts with { Cap = 1, Hour = new NumberHour([new CapSlot("other", Ten.AddMinutes(-30))]) }));
        Assert.Equal(new Cancel("opted-out"), SendPolicy.Decide(optedOut));
    }

    [Fact]
    public void A_text_pending_is_decided_a_sending_one_within_its_lease_is_left_and_one_past_it_is_settled()
    {
        var text = Reminder(Ten).Text;
        var pending = SendPolicy.Look(text, Ten, Lease);
        text.BeginSending("+447700900123", "hello", Ten, Lease);

        Assert.Null(pending);
        Assert.Equal(new LookLater(Ten + Lease), SendPolicy.Look(text, Ten.AddSeconds(30), Lease));
        Assert.IsType<Settle>(SendPolicy.Look(text, Ten + Lease, Lease));
    }

    [Fact]
    public void A_sending_text_waiting_for_a_backoff_is_looked_at_again_exactly_then()
    {
        var text = Reminder(Ten).Text;
        text.BeginSending("+447700900123", "hello", Ten, Lease);
        text.LookAgainOn(Ten.AddMinutes(10));

        Assert.Equal(new LookLater(Ten.AddMinutes(10)), SendPolicy.Look(text, Ten + Lease, Lease));
        Assert.IsType<Settle>(SendPolicy.Look(text, Ten.AddMinutes(10), Lease));
    }

    [Fact]
    public void A_row_written_before_next_attempt_at_existed_is_leased_from_when_sending_began()
    {
        var text = Reminder(Ten).Text;
        text.State = TextStates.Sending;
        text.SendingSince = Ten;

        Assert.Equal(new LookLater(Ten + Lease), SendPolicy.Look(text, Ten.AddSeconds(1), Lease));
    }

    [Theory]
    [InlineData(TextStates.Sent)]
    [InlineData(TextStates.Delivered)]
    [InlineData(TextStates.Failed)]
    [InlineData(TextStates.Cancelled)]
    public void A_text_sent_or_settled_is_left_alone(string state)
    {
        var text = Reminder(Ten).Text;
        text.State = state;

        Assert.IsType<AlreadyDone>(SendPolicy.Look(text, Ten, Lease));
    }

    [Fact]
    public void A_provider_failure_is_retried_after_a_backoff_and_fails_four_hours_after_the_text_fell_due()
    {
        var text = Reminder(Ten).Text;
        text.BeginSending("+447700900123", "hello", Ten, Lease);

        Assert.Equal(Ten.AddSeconds(30), SendPolicy.AfterProviderFailure(text, Ten));
        Assert.Null(SendPolicy.AfterProviderFailure(text, Ten.AddHours(4)));
    }

    private static SendFacts Facts(TextEntity text, DateTimeOffset now, ParentEntity? parent = null) => new()
    {
        Text = text,
        Now = now,
        Quiet = QuietHours.Default,
        Cap = 10,
        Parent = parent ?? Parent(),
    };

    private static SendFacts Reminder(DateTimeOffset now, string kind = "reminder-1d", DateTimeOffset? startsAt = null)
    {
        var text = new TextEntity { PartitionKey = DueBuckets.For(now), RowKey = "a1-v1-" + kind, AppointmentId = "a1", AppointmentVersion = 1, Kind = kind, DueAt = now };
        return Facts(text, now) with
        {
            Appointment = new AppointmentEntity { PartitionKey = "a1", RowKey = "a1", Kind = "wfi", StartsAt = startsAt ?? now.AddDays(1), Version = 1, ParentId = "p1", VenueId = "v1" },
        };
    }

    private static SendFacts Alert(DateTimeOffset now, DateTimeOffset expiresAt, string kind = AlertTextKinds.Alert)
    {
        var parent = Parent();
        parent.AlertsOptIn = true;
        parent.JobSearch = "{}";
        var text = new TextEntity { PartitionKey = DueBuckets.For(now), RowKey = "alert-1", ParentId = "p1", Kind = kind, DueAt = now, DigestDate = "2026-03-03" };
        return Facts(text, now, parent) with { Vacancies = [(Vacancy("Teaching assistant", expiresAt), 1.2)], DigestItems = 1 };
    }

    private static SendFacts Wfi(DateTimeOffset now, string status, string kind = WfiTextKinds.LetterComing)
    {
        var text = new TextEntity
        {
            PartitionKey = DueBuckets.For(now), RowKey = "wfi-i1-letter", MessageId = "wfi-i1-letter", ParentId = "p1", Kind = kind,
            DueAt = now, OfficeId = "jcp-lambeth", InvitationId = "i1", To = "+447700900123", Body = "Your letter is coming",
        };
        return Facts(text, now) with { Invitation = new WfiInvitationEntity { PartitionKey = "jcp-lambeth", RowKey = "i1", ParentId = "p1", Status = status } };
    }

    private static SendFacts Answer(DateTimeOffset now, string kind)
    {
        var text = new TextEntity
        {
            PartitionKey = DueBuckets.For(now), RowKey = "reply-twilio-SM1", MessageId = "reply-twilio-SM1", Kind = kind,
            DueAt = now, To = "+447700900123", Body = "You will get no more texts",
        };
        return Facts(text, now, parent: null) with { Parent = null };
    }

    private static SendFacts ParentLink(DateTimeOffset now)
    {
        var text = new TextEntity
        {
            PartitionKey = DueBuckets.For(now), RowKey = "parent-link-p1-1", MessageId = "parent-link-p1-1", Kind = ParentLinks.TextKind,
            ParentId = "p1", DueAt = now, To = "+447700900123", Body = "Change your job search here",
        };
        return Facts(text, now, Parent());
    }

    private static ParentEntity Parent() => new() { PartitionKey = "p1", FirstName = "Amina", Mobile = "+447700900123", RemindersConsent = true };

    private static VacancyEntity Vacancy(string title, DateTimeOffset expiresAt) => new()
    {
        PartitionKey = "v-" + title, RowKey = "v-" + title, Ref = "v-" + title, Title = title, Employer = "Stockwell Primary", Postcode = "SW9 9TN",
        HoursText = "school hours", Category = "education", ExpiresAt = expiresAt,
    };
}

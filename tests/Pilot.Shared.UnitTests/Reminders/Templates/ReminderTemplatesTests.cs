using Pilot.Shared.Reminders.Planning;
using Pilot.Shared.Reminders.Templates;
using Pilot.Shared.Sms;
using Pilot.Shared.Time;

namespace Pilot.Shared.UnitTests.Reminders.Templates;

public sealed class ReminderTemplatesTests
{
    private const string Phone = "01632 960123";

    // Tuesday 3 March 2026, 10:30 GMT.
    private static readonly DateTimeOffset Tuesday1030 = LondonTime.FromLocal(new DateTime(2026, 3, 3, 10, 30, 0));

    public static readonly TheoryData<string> TextKindsToRender = new()
    {
        TextKinds.Confirmation,
        TextKinds.DaysBefore(1),
        TextKinds.DaysBefore(2),
        TextKinds.HoursBefore(2),
        TextKinds.HoursBefore(24),
        TextKinds.Rescheduled,
        TextKinds.Cancelled,
    };

    private static readonly string[] FirstNames =
    [
        "Amy",
        "Oluwaseun-Adebayo",
        "Christabel-Annabelle", // 20 characters
        "Mary Jane",
        "Siobhán",
        "Łucja",
        "Zoë",
        "Małgorzata",
        "François",
        "Ngọc Anh",
        "محمد",
        "",
    ];

    private static readonly string[] Venues =
    [
        "Grange Park Children's Centre",
        "Blackpool Grange Park Children's Centre (outreach site)",
        "Hull Children\u2019s Centre",
        "Redcar and Cleveland Coatham Children's Centre Outreach Site", // 60 characters
        "Tipton Green Sure Start Children's Centre & Family Hub Annexe",
        "Canolfan Plant Tŷ Hapus",
    ];

    private static readonly string?[] Advisers = [null, "Sam", "Samantha Patel-Okonkwo", "Zoë Kowalczyk"];

    private static readonly string[] AppointmentKindsToRender = [AppointmentKinds.Wfi, AppointmentKinds.Adviser, AppointmentKinds.Course];

    private static ReminderTextModel Model(
        string firstName = "Amy",
        string kind = AppointmentKinds.Wfi,
        string venue = "Grange Park Children's Centre",
        string? adviser = null,
        DateTimeOffset? startsAt = null,
        DateTimeOffset? previous = null) =>
        new(firstName, kind, startsAt ?? Tuesday1030, venue, Phone, adviser, previous);

    [Theory]
    [MemberData(nameof(TextKindsToRender))]
    public void Every_kind_fits_one_fragment_for_realistic_names_and_venues_and_shows_local_time(string textKind)
    {
        Assert.Equal(60, Venues[3].Length);
        Assert.Equal(20, FirstNames[2].Length);
        foreach (var appointmentKind in AppointmentKindsToRender)
        {
            foreach (var name in FirstNames)
            {
                foreach (var venue in Venues)
                {
                    foreach (var adviser in Advisers)
                    {
                        var model = Model(name, appointmentKind, venue, adviser, previous: Tuesday1030.AddDays(-1));
                        var text = ReminderTemplates.Render(textKind, model);
                        var analysis = SmsText.Analyse(text);
                        Assert.True(analysis.Fragments == 1, $"{analysis.Units} {analysis.Encoding}: {text}");
                        Assert.Contains("10:30", text, StringComparison.Ordinal);
                        Assert.Contains(Phone, text, StringComparison.Ordinal);
                        Assert.Equal(analysis.NormalisedText, text);
                    }
                }
            }
        }
    }

    [Fact]
    public void Confirmation_says_what_when_where_and_how_to_rearrange()
    {
        var text = ReminderTemplates.Render(TextKinds.Confirmation, Model(adviser: "Sam Patel"));
        Assert.Equal(
            "Hi Amy, your Work-Focused Interview with Sam Patel is booked for Tue 3 Mar at 10:30 at Grange Park Children's Centre. To re-arrange call 01632 960123.",
            text);
    }

    [Fact]
    public void Adviser_appointment_names_jobcentre_plus_adviser()
    {
        var text = ReminderTemplates.Render(TextKinds.Confirmation, Model(kind: AppointmentKinds.Adviser));
        Assert.Equal(
            "Hi Amy, your appointment with your Jobcentre Plus adviser is booked for Tue 3 Mar at 10:30 at Grange Park Children's Centre. To re-arrange call 01632 960123.",
            text);
    }

    [Fact]
    public void Course_session_is_named_as_such()
    {
        var text = ReminderTemplates.Render(TextKinds.Confirmation, Model(kind: AppointmentKinds.Course));
        Assert.StartsWith("Hi Amy, your course session is booked for Tue 3 Mar at 10:30", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Day_before_reminder_says_tomorrow()
    {
        var text = ReminderTemplates.Render(TextKinds.DaysBefore(1), Model());
        Assert.Equal(
            "Hi Amy, reminder: your Work-Focused Interview is tomorrow at 10:30 at Grange Park Children's Centre. To re-arrange call 01632 960123.",
            text);
    }

    [Fact]
    public void Two_days_before_reminder_gives_the_date()
    {
        var text = ReminderTemplates.Render(TextKinds.DaysBefore(2), Model());
        Assert.Contains("is Tue 3 Mar at 10:30", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Hours_before_reminder_says_today()
    {
        var text = ReminderTemplates.Render(TextKinds.HoursBefore(2), Model());
        Assert.Contains("is today at 10:30", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Twenty_four_hours_before_reminder_says_tomorrow()
    {
        var text = ReminderTemplates.Render(TextKinds.HoursBefore(24), Model());
        Assert.Contains("is tomorrow at 10:30", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reminder_moved_to_previous_evening_says_tomorrow_when_send_time_is_known()
    {
        // A 2-hour reminder for a 07:30 appointment goes at 20:59 the evening before.
        var startsAt = LondonTime.FromLocal(new DateTime(2026, 3, 3, 7, 30, 0));
        var model = Model(startsAt: startsAt) with { SendAt = LondonTime.FromLocal(new DateTime(2026, 3, 2, 20, 59, 0)) };
        var text = ReminderTemplates.Render(TextKinds.HoursBefore(2), model);
        Assert.Contains("is tomorrow at 07:30", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Rescheduled_notice_gives_old_and_new_time()
    {
        var text = ReminderTemplates.Render(TextKinds.Rescheduled, Model(previous: Tuesday1030.AddDays(-1).AddHours(-1)));
        Assert.Equal(
            "Hi Amy, your Work-Focused Interview has moved from Mon 2 Mar at 09:30 to Tue 3 Mar at 10:30 at Grange Park Children's Centre. To re-arrange call 01632 960123.",
            text);
    }

    [Fact]
    public void Rescheduled_notice_without_previous_time_gives_new_time()
    {
        var text = ReminderTemplates.Render(TextKinds.Rescheduled, Model());
        Assert.Contains("has moved to Tue 3 Mar at 10:30", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancelled_notice_says_cancelled_and_how_to_rebook()
    {
        var text = ReminderTemplates.Render(TextKinds.Cancelled, Model());
        Assert.Equal(
            "Hi Amy, your Work-Focused Interview on Tue 3 Mar at 10:30 at Grange Park Children's Centre has been cancelled. To re-book call 01632 960123.",
            text);
    }

    [Fact]
    public void Spring_clock_change_shows_bst_local_time()
    {
        // 09:00 UTC on Sunday 29 March 2026 is 10:00 BST.
        var startsAt = new DateTimeOffset(2026, 3, 29, 9, 0, 0, TimeSpan.Zero);
        Assert.Contains("Sun 29 Mar at 10:00", ReminderTemplates.Render(TextKinds.Confirmation, Model(startsAt: startsAt)), StringComparison.Ordinal);
        Assert.Contains("tomorrow at 10:00", ReminderTemplates.Render(TextKinds.DaysBefore(1), Model(startsAt: startsAt)), StringComparison.Ordinal);
    }

    [Fact]
    public void Autumn_clock_change_shows_gmt_local_time()
    {
        // 10:00 UTC on Sunday 25 October 2026 is 10:00 GMT; the day before, 10:00 BST was 09:00 UTC.
        var startsAt = new DateTimeOffset(2026, 10, 25, 10, 0, 0, TimeSpan.Zero);
        Assert.Contains("Sun 25 Oct at 10:00", ReminderTemplates.Render(TextKinds.Confirmation, Model(startsAt: startsAt)), StringComparison.Ordinal);
        var rescheduled = ReminderTemplates.Render(TextKinds.Rescheduled, Model(startsAt: startsAt, previous: new DateTimeOffset(2026, 10, 24, 9, 0, 0, TimeSpan.Zero)));
        Assert.Contains("from Sat 24 Oct at 10:00 to Sun 25 Oct at 10:00", rescheduled, StringComparison.Ordinal);
    }

    [Fact]
    public void Summer_time_is_shown_in_bst_not_utc()
    {
        var startsAt = new DateTimeOffset(2026, 7, 14, 13, 0, 0, TimeSpan.Zero);
        Assert.Contains("Tue 14 Jul at 14:00", ReminderTemplates.Render(TextKinds.Confirmation, Model(startsAt: startsAt)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Łucja", "Hi Lucja,")]
    [InlineData("Zoë", "Hi Zoe,")] // ë is not in GSM 03.38
    [InlineData("Małgorzata", "Hi Malgorzata,")]
    [InlineData("François", "Hi Francois,")]
    public void Non_gsm_name_is_transliterated_so_text_stays_one_gsm_fragment(string name, string greeting)
    {
        var text = ReminderTemplates.Render(TextKinds.Confirmation, Model(firstName: name));
        Assert.StartsWith(greeting, text, StringComparison.Ordinal);
        var analysis = SmsText.Analyse(text);
        Assert.Equal(SmsEncoding.Gsm7, analysis.Encoding);
        Assert.Equal(1, analysis.Fragments);
    }

    [Theory]
    [InlineData("Søren", "Hi Søren,")] // ø is in GSM 03.38
    [InlineData("Jürgen", "Hi Jürgen,")] // so is ü
    [InlineData("Renée", "Hi Renée,")] // and é
    [InlineData("Siobhán", "Hi Siobhan,")] // but not á
    public void Gsm_letters_in_names_are_kept_and_only_others_transliterated(string name, string greeting)
    {
        var text = ReminderTemplates.Render(TextKinds.Confirmation, Model(firstName: name));
        Assert.StartsWith(greeting, text, StringComparison.Ordinal);
        Assert.Equal(SmsEncoding.Gsm7, SmsText.Analyse(text).Encoding);
    }

    [Fact]
    public void Name_in_another_script_is_left_out_rather_than_splitting_the_text()
    {
        var text = ReminderTemplates.Render(TextKinds.Confirmation, Model(firstName: "محمد"));
        Assert.StartsWith("Hi, your Work-Focused Interview", text, StringComparison.Ordinal);
        Assert.Equal(1, SmsText.Analyse(text).Fragments);
    }

    [Fact]
    public void Curly_apostrophe_in_venue_is_sent_straight()
    {
        var text = ReminderTemplates.Render(TextKinds.Confirmation, Model(venue: "Hull Children\u2019s Centre"));
        Assert.Contains("Hull Children's Centre", text, StringComparison.Ordinal);
        Assert.Equal(SmsEncoding.Gsm7, SmsText.Analyse(text).Encoding);
    }

    [Fact]
    public void Long_text_drops_adviser_name_before_cutting_the_venue()
    {
        var text = ReminderTemplates.Render(
            TextKinds.Confirmation,
            Model("Christabel-Annabelle", AppointmentKinds.Wfi, "Southampton Sure Start Children's Centre", "Samantha Patel-Okonkwo"));
        Assert.DoesNotContain("Samantha", text, StringComparison.Ordinal);
        Assert.Contains("Southampton Sure Start Children's Centre.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_venue_is_cut_at_a_word_boundary_without_an_open_bracket()
    {
        var text = ReminderTemplates.Render(
            TextKinds.Confirmation,
            Model("Oluwaseun-Adebayo", AppointmentKinds.Wfi, "Blackpool Grange Park Children's Centre (outreach site)"));
        Assert.Contains(" at Blackpool Grange Park Children's Centre. To re-arrange", text, StringComparison.Ordinal);
        Assert.Equal(1, SmsText.Analyse(text).Fragments);
    }

    [Fact]
    public void Cut_venue_does_not_end_on_and()
    {
        var text = ReminderTemplates.Render(
            TextKinds.Confirmation,
            Model("Christabel-Annabelle", AppointmentKinds.Adviser, "Redcar and Cleveland Coatham Children's Centre Outreach Site"));
        Assert.DoesNotContain(" and.", text, StringComparison.Ordinal);
        Assert.Equal(1, SmsText.Analyse(text).Fragments);
    }

    [Fact]
    public void Unknown_text_kind_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ReminderTemplates.Render("reminder-soon", Model()));
    }

    [Fact]
    public void Unknown_appointment_kind_is_called_an_appointment()
    {
        var text = ReminderTemplates.Render(TextKinds.Confirmation, Model(kind: "drop-in"));
        Assert.StartsWith("Hi Amy, your appointment is booked for", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Absurdly_long_names_still_never_exceed_one_fragment()
    {
        var model = Model(new string('A', 80), AppointmentKinds.Adviser, string.Join(' ', Enumerable.Repeat("Venue", 40)), new string('B', 80));
        foreach (var kind in new[] { TextKinds.Confirmation, TextKinds.DaysBefore(1), TextKinds.Rescheduled, TextKinds.Cancelled })
        {
            Assert.Equal(1, SmsText.Analyse(ReminderTemplates.Render(kind, model)).Fragments);
        }
    }
}

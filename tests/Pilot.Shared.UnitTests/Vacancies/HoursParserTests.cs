using Pilot.Shared.Vacancies.Hours;

namespace Pilot.Shared.UnitTests.Vacancies;

public sealed class HoursParserTests
{
    // text, the pattern as WeeklyPattern.Describe() prints it, term time only
    [Theory]
    [InlineData("Mon-Fri 9.30am-2.30pm", "Mon-Fri 9:30-2:30", false)]
    [InlineData("9:30 - 14:30 Monday to Friday", "Mon-Fri 9:30-2:30", false)]
    [InlineData("Monday-Friday 9:00am - 3:00pm (term time)", "Mon-Fri 9:00-3:00", true)]
    [InlineData("Tuesdays and Thursdays 10am to 1pm", "Tue, Thu 10:00-1:00", false)]
    [InlineData("Mon, Wed, Fri 08:45-15:15", "Mon, Wed, Fri 8:45-3:15", false)]
    [InlineData("9-3 weekdays", "Mon-Fri 9:00-3:00", false)]
    [InlineData("mornings Mon-Fri 8am-12pm", "Mon-Fri 8:00-12:00", false)]
    [InlineData("evenings 6pm-9pm Mon-Thu", "Mon-Thu 6:00pm-9:00pm", false)]
    [InlineData("Monday to Friday, 9am - 3pm, term time only", "Mon-Fri 9:00-3:00", true)]
    [InlineData("Mon – Fri 8.45am – 3.15pm term-time", "Mon-Fri 8:45-3:15", true)]
    [InlineData("Monday to Thursday 9am-5pm, Friday 9am-1pm", "Mon-Thu 9:00-5:00; Fri 9:00-1:00", false)]
    [InlineData("9am-3pm Monday-Friday", "Mon-Fri 9:00-3:00", false)]
    [InlineData("Between 9am and 2pm, Monday to Friday", "Mon-Fri 9:00-2:00", false)]
    [InlineData("Wednesday 9:00-12:00", "Wed 9:00-12:00", false)]
    [InlineData("0930-1430 Mon-Fri", "Mon-Fri 9:30-2:30", false)]
    [InlineData("Saturdays 10am-4pm", "Sat 10:00-4:00", false)]
    [InlineData("Weekends 8am - 2pm", "Sat, Sun 8:00-2:00", false)]
    [InlineData("Mon to Fri 11.30am to 1.30pm (lunchtime supervisor)", "Mon-Fri 11:30-1:30", false)]
    [InlineData("Monday, Tuesday and Wednesday 9.15am - 2.45pm", "Mon-Wed 9:15-2:45", false)]
    [InlineData("Mon-Fri 7.30am-9am and 3pm-6pm (breakfast and after school club)", "Mon-Fri 7:30-9:00 & 3:00-6:00", false)]
    [InlineData("Tue-Thu 10:00 until 14:00", "Tue-Thu 10:00-2:00", false)]
    [InlineData("Mon-Fri 12 noon - 2pm", "Mon-Fri 12:00-2:00", false)]
    [InlineData("Monday-Friday 9-1", "Mon-Fri 9:00-1:00", false)]
    [InlineData("Mon-Fri 6-9pm", "Mon-Fri 6:00pm-9:00pm", false)]
    [InlineData("Mon-Fri 9:40am-2:20pm", "Mon-Fri 9:30-2:30", false)] // rounded out to the quarter-hour
    [InlineData("Thursdays 1-4", "Thu 1:00-4:00", false)]
    [InlineData("Mon-Fri 8:30 to 15:30, term time only", "Mon-Fri 8:30-3:30", true)]
    [InlineData("Monday to Friday 9am-3pm during term", "Mon-Fri 9:00-3:00", true)]
    public void Clear_hours_become_a_weekly_pattern(string text, string expected, bool termTime)
    {
        Assert.True(HoursParser.TryParse(text, out var parsed), parsed.UnclearBecause);
        Assert.Equal(HoursClarity.Clear, parsed.Clarity);
        Assert.Equal(expected, parsed.Pattern!.Describe());
        Assert.Equal(termTime, parsed.TermTimeOnly);
        Assert.Equal(text, parsed.Text);
    }

    [Theory]
    [InlineData("part time, 16 hours, days to be agreed")]
    [InlineData("flexible")]
    [InlineData("shifts")]
    [InlineData("term time only")]
    [InlineData("Flexible hours between 9am and 3pm")]
    [InlineData("Shifts Mon-Sun 7am-3pm or 3pm-11pm")]
    [InlineData("9am-3pm")]
    [InlineData("Monday to Friday")]
    [InlineData("mornings")]
    [InlineData("Rota basis, including some weekends")]
    [InlineData("Days TBC")]
    [InlineData("Mon-Fri 9-3 or 10-4")]
    [InlineData("20-25 hours per week")]
    [InlineData("Zero hours contract")]
    [InlineData("Part time")]
    [InlineData("Mon-Fri 9-3, Sat")]
    [InlineData("Hours to be discussed at interview")]
    [InlineData("Mon-Fri 9-5 with occasional weekend work")]
    [InlineData("")]
    public void Unclear_hours_keep_their_text_and_no_pattern(string text)
    {
        Assert.False(HoursParser.TryParse(text, out var parsed));
        Assert.Equal(HoursClarity.Unclear, parsed.Clarity);
        Assert.Null(parsed.Pattern);
        Assert.Equal(text, parsed.Text);
        Assert.NotNull(parsed.UnclearBecause);
    }

    [Fact]
    public void School_hours_are_weekdays_nine_to_three_in_term_time()
    {
        Assert.True(HoursParser.TryParse("School hours", out var parsed));
        Assert.Equal("Mon-Fri 9:00-3:00", parsed.Pattern!.Describe());
        Assert.True(parsed.TermTimeOnly);
        Assert.Equal(30, parsed.HoursPerWeek);
    }

    [Theory]
    [InlineData("Monday to Friday, school hours", "Mon-Fri 9:00-3:00")]
    [InlineData("School hours, Mon-Wed", "Mon-Wed 9:00-3:00")]
    [InlineData("Tuesdays and Thursdays, school hours", "Tue, Thu 9:00-3:00")]
    public void School_hours_next_to_named_days_are_the_school_day_on_those_days_in_term_time(string text, string expected)
    {
        Assert.True(HoursParser.TryParse(text, out var parsed), parsed.UnclearBecause);
        Assert.Equal(expected, parsed.Pattern!.Describe());
        Assert.True(parsed.TermTimeOnly);
    }

    [Theory]
    [InlineData("Mon-Fri half nine to half two", "Mon-Fri 9:30-2:30")]
    [InlineData("Mon-Fri half past nine till quarter past three", "Mon-Fri 9:30-3:15")]
    [InlineData("Mon-Fri quarter to nine until quarter to three", "Mon-Fri 8:45-2:45")]
    [InlineData("Mon-Fri nine till three", "Mon-Fri 9:00-3:00")]
    [InlineData("Mon-Fri 9 till half 2", "Mon-Fri 9:00-2:30")]
    public void Colloquial_british_times_read_as_their_digits_would(string text, string expected)
    {
        Assert.True(HoursParser.TryParse(text, out var parsed), parsed.UnclearBecause);
        Assert.Equal(expected, parsed.Pattern!.Describe());
    }

    [Theory]
    [InlineData("Mon-Fri 6-9")]
    [InlineData("Mon-Fri 7-9")]
    [InlineData("Mon-Fri 5.30-7.30")]
    [InlineData("Mon-Fri half six till half nine")]
    public void A_range_without_am_or_pm_that_could_be_a_morning_or_an_evening_job_is_unclear(string text)
    {
        Assert.False(HoursParser.TryParse(text, out var parsed));
        Assert.Contains("cannot read the times", parsed.UnclearBecause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Evenings Mon-Fri 6-9", "Mon-Fri 6:00pm-9:00pm")]
    [InlineData("Early mornings Mon-Fri 6-9", "Mon-Fri 6:00am-9:00am")]
    [InlineData("Mon-Fri 2-10", "Mon-Fri 2:00pm-10:00pm")]
    [InlineData("Mon-Fri 6-2", "Mon-Fri 6:00am-2:00pm")]
    public void A_range_without_am_or_pm_is_read_when_the_advert_or_the_clock_leaves_one_reading(string text, string expected)
    {
        Assert.True(HoursParser.TryParse(text, out var parsed), parsed.UnclearBecause);
        Assert.Equal(expected, parsed.Pattern!.Describe());
    }

    [Fact]
    public void Daily_is_every_school_day_in_term_time_and_unclear_otherwise()
    {
        Assert.True(HoursParser.TryParse("11.50am - 1.10pm daily, term time", out var school));
        Assert.Equal("Mon-Fri 11:45-1:15", school.Pattern!.Describe());
        Assert.False(HoursParser.TryParse("Daily 7am-3pm", out _));
    }

    [Fact]
    public void Term_time_only_alone_is_unclear_but_keeps_the_flag()
    {
        Assert.False(HoursParser.TryParse("Term time only", out var parsed));
        Assert.True(parsed.TermTimeOnly);
    }

    [Fact]
    public void Stated_hours_per_week_are_kept_from_unclear_text()
    {
        Assert.False(HoursParser.TryParse("part time, 16 hours, days to be agreed", out var parsed));
        Assert.Equal(16, parsed.HoursPerWeek);
    }

    [Fact]
    public void Hours_per_week_are_derived_from_the_exact_times_not_the_rounded_pattern()
    {
        Assert.True(HoursParser.TryParse("Mon-Fri 9:40am-2:20pm", out var parsed));
        Assert.Equal(5 * (4 + (40 / 60.0)), parsed.HoursPerWeek!.Value, 9);
        Assert.Equal(25, parsed.Pattern!.HoursPerWeek);
    }

    [Fact]
    public void Starts_round_down_and_ends_round_up_to_the_quarter_hour()
    {
        Assert.True(HoursParser.TryParse("Monday 9:05-9:20", out var parsed));
        Assert.True(parsed.Pattern!.Contains(DayOfWeek.Monday, 9 * 4));
        Assert.True(parsed.Pattern.Contains(DayOfWeek.Monday, (9 * 4) + 1));
        Assert.False(parsed.Pattern.Contains(DayOfWeek.Monday, (9 * 4) + 2));
        Assert.False(parsed.Pattern.Contains(DayOfWeek.Monday, (9 * 4) - 1));
    }

    [Fact]
    public void A_night_shift_runs_past_midnight_into_the_next_day()
    {
        Assert.True(HoursParser.TryParse("Sunday 10pm-2am", out var parsed));
        Assert.True(parsed.Pattern!.Contains(DayOfWeek.Sunday, 95));
        Assert.True(parsed.Pattern.Contains(DayOfWeek.Monday, 0));
        Assert.False(parsed.Pattern.Contains(DayOfWeek.Monday, 8));
        Assert.Equal(4, parsed.HoursPerWeek);
    }
}

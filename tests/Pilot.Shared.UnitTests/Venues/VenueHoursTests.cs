using Pilot.Shared.DemoData;
using Pilot.Shared.Venues;

namespace Pilot.Shared.UnitTests.Venues;

public sealed class VenueHoursTests
{
    private static Venue Venue(string id) => DemoSeeder.PilotVenues().Single(v => v.Id == id);

    // cc-lambeth-stockwell: Mon-Fri 08:00-18:00. jcp-ealing: Mon-Fri 09:00-17:00. jcp-lambeth: Wed from 10:00.
    [Theory]
    [InlineData("2026-03-03T08:00:00+00:00")] // Tuesday, GMT, opening time
    [InlineData("2026-03-03T17:45:00+00:00")] // last quarter before closing
    [InlineData("2026-06-02T07:00:00+00:00")] // Tuesday, BST: 08:00 in London
    [InlineData("2026-06-02T16:59:00+00:00")] // 17:59 BST
    public void A_start_inside_the_opening_hours_on_a_working_day_is_accepted(string startsAt)
        => Assert.Null(VenueHours.Refusal(Venue("cc-lambeth-stockwell"), DateTimeOffset.Parse(startsAt, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-03-03T07:45:00+00:00")] // before opening
    [InlineData("2026-03-03T18:00:00+00:00")] // closing time itself
    [InlineData("2026-06-02T17:00:00+00:00")] // 18:00 BST: 17:00 UTC would be open in winter
    [InlineData("2026-06-02T06:30:00+00:00")] // 07:30 BST
    [InlineData("2026-03-07T10:00:00+00:00")] // Saturday
    public void A_start_outside_the_opening_hours_is_refused(string startsAt)
    {
        var refusal = VenueHours.Refusal(Venue("cc-lambeth-stockwell"), DateTimeOffset.Parse(startsAt, System.Globalization.CultureInfo.InvariantCulture));

        Assert.NotNull(refusal);
        Assert.Contains("outside", refusal, StringComparison.Ordinal);
        Assert.Contains("Mon-Fri 08:00-18:00", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Appointment_on_christmas_day_is_refused_naming_the_holiday()
    {
        // Friday 25 December 2026, 10:00 GMT: inside the weekday hours, but a bank holiday in England.
        var refusal = VenueHours.Refusal(Venue("cc-lambeth-stockwell"), new DateTimeOffset(2026, 12, 25, 10, 0, 0, TimeSpan.Zero));

        Assert.NotNull(refusal);
        Assert.Contains("bank holiday in England (Christmas)", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Boxing_day_on_a_saturday_is_taken_the_monday_after()
    {
        var venue = Venue("cc-lambeth-stockwell");

        Assert.Contains("Boxing Day", VenueHours.Refusal(venue, new DateTimeOffset(2026, 12, 28, 10, 0, 0, TimeSpan.Zero)), StringComparison.Ordinal);
        Assert.Null(VenueHours.Refusal(venue, new DateTimeOffset(2026, 12, 29, 10, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Late_may_bank_holiday_in_bst_is_refused_by_its_london_date()
    {
        // 00:30 BST on Monday 25 May 2026 is still Sunday 24 May in UTC: the London date decides.
        var venue = Venue("cc-lambeth-stockwell") with { OpeningTimes = [new OpeningWindow(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], "00:00", "23:45")] };

        Assert.Contains("Spring", VenueHours.Refusal(venue, new DateTimeOffset(2026, 5, 24, 23, 30, 0, TimeSpan.Zero)), StringComparison.Ordinal);
        Assert.Null(VenueHours.Refusal(venue, new DateTimeOffset(2026, 5, 24, 22, 30, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("EH1 1YZ", "2026-11-30", "St Andrew")] // Scotland only
    [InlineData("BT1 5GS", "2026-03-17", "St Patrick")] // Northern Ireland only
    [InlineData("CF10 1EP", "2026-04-06", "Easter Monday")] // Wales, as England
    public void Each_nation_keeps_its_own_bank_holidays(string postcode, string date, string holiday)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero);
        var venue = Venue("cc-lambeth-stockwell") with { Postcode = postcode };
        var english = Venue("cc-lambeth-stockwell");

        Assert.Contains(holiday, VenueHours.Refusal(venue, at), StringComparison.Ordinal);
        Assert.Equal(holiday == "Easter Monday", VenueHours.Refusal(english, at) is not null);
    }

    [Fact]
    public void A_window_that_starts_later_one_day_is_kept_to_that_day()
    {
        var office = Venue("jcp-lambeth"); // Wed from 10:00

        Assert.NotNull(VenueHours.Refusal(office, new DateTimeOffset(2026, 3, 4, 9, 30, 0, TimeSpan.Zero)));
        Assert.Null(VenueHours.Refusal(office, new DateTimeOffset(2026, 3, 3, 9, 30, 0, TimeSpan.Zero)));
        Assert.Null(VenueHours.Refusal(office, new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void The_demo_sunday_at_ealing_jobcentre_moves_to_monday_at_the_same_time()
    {
        // Sunday 13 December 2026 at 10:00, as the demo used to invite: the next open time is Monday 14th at 10:00.
        var next = VenueHours.NextOpenAt(Venue("jcp-ealing"), new DateTimeOffset(2026, 12, 13, 10, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 12, 14, 10, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void The_next_open_time_skips_christmas_and_boxing_day()
    {
        var next = VenueHours.NextOpenAt(Venue("jcp-ealing"), new DateTimeOffset(2026, 12, 24, 18, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 12, 29, 9, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void The_next_open_time_is_the_same_instant_when_open_and_a_later_opening_the_same_day_when_not()
    {
        var office = Venue("jcp-lambeth");
        var open = new DateTimeOffset(2026, 3, 3, 11, 0, 0, TimeSpan.Zero);

        Assert.Equal(open, VenueHours.NextOpenAt(office, open));
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero), VenueHours.NextOpenAt(office, new DateTimeOffset(2026, 3, 4, 8, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_venue_with_no_opening_times_is_never_open()
    {
        var closed = Venue("jcp-lambeth") with { OpeningTimes = [] };

        Assert.NotNull(VenueHours.Refusal(closed, new DateTimeOffset(2026, 3, 3, 11, 0, 0, TimeSpan.Zero)));
        Assert.Null(VenueHours.NextOpenAt(closed, new DateTimeOffset(2026, 3, 3, 11, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Every_demo_venue_is_open_some_time_each_week()
    {
        foreach (var venue in DemoSeeder.PilotVenues())
        {
            Assert.NotNull(VenueHours.NextOpenAt(venue, new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), maxDays: 7));
        }
    }
}

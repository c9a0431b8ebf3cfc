using Pilot.Shared.Validation;

namespace Pilot.Shared.UnitTests.Validation;

public sealed class DateBoundsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Near_dates_run_two_years_either_side_of_todays_london_date()
    {
        var near = DateBounds.Near(Now);

        Assert.Equal(new DateOnly(2024, 12, 3), near.First);
        Assert.Equal(new DateOnly(2028, 12, 3), near.Last);
        Assert.True(near.Contains(new DateOnly(2028, 12, 3)));
        Assert.False(near.Contains(new DateOnly(2028, 12, 4)));
        Assert.False(near.Contains(DateOnly.MaxValue));
        Assert.False(near.Contains(DateOnly.MinValue));
    }

    [Fact]
    public void Reporting_days_run_from_2020_to_two_years_ahead()
    {
        var reporting = DateBounds.Reporting(Now);

        Assert.True(reporting.Contains(new DateOnly(2020, 1, 1)));
        Assert.False(reporting.Contains(new DateOnly(2019, 12, 31)));
        Assert.Equal(new DateOnly(2028, 12, 3), reporting.Last);
    }

    [Fact]
    public void Instants_at_the_edges_of_what_can_be_held_are_outside_and_never_throw()
    {
        var near = DateBounds.Near(Now);

        Assert.False(near.Contains(DateTimeOffset.MaxValue));
        Assert.False(near.Contains(DateTimeOffset.MinValue));
        Assert.False(near.Contains(new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.FromHours(14))));
        Assert.False(near.Contains(new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.FromHours(-12))));
    }

    [Fact]
    public void An_instant_counts_by_its_london_day()
    {
        var near = DateBounds.Near(Now);

        // 23:30 on the last day in New York is 04:30 the next day in London: outside.
        Assert.False(near.Contains(new DateTimeOffset(2028, 12, 3, 23, 30, 0, TimeSpan.FromHours(-5))));
        Assert.True(near.Contains(new DateTimeOffset(2028, 12, 3, 23, 59, 59, TimeSpan.Zero)));
        Assert.Equal("startsAt", near.Refusal("startsAt").Field);
        Assert.Equal("must be between 2024-12-03 and 2028-12-03", near.Refusal("startsAt").Message);
    }
}

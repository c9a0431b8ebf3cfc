using Pilot.Shared.Time;

namespace Pilot.Shared.UnitTests.Time;

public sealed class QuietHoursTests
{
    private static readonly QuietHours Default = QuietHours.Default;

    private static DateTimeOffset London(int year, int month, int day, int hour, int minute = 0) =>
        LondonTime.FromLocal(new DateTime(year, month, day, hour, minute, 0));

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(20, 59, false)]
    [InlineData(21, 0, true)]
    [InlineData(23, 30, true)]
    [InlineData(0, 0, true)]
    [InlineData(3, 0, true)]
    [InlineData(7, 59, true)]
    [InlineData(8, 0, false)]
    [InlineData(12, 0, false)]
    public void Default_is_21_to_8_london_time_in_summer(int hour, int minute, bool quiet)
    {
        Assert.Equal(quiet, Default.IsQuiet(London(2026, 7, 15, hour, minute)));
    }

    [Theory]
    [InlineData(20, 59, false)]
    [InlineData(21, 0, true)]
    [InlineData(7, 59, true)]
    [InlineData(8, 0, false)]
    public void Default_is_21_to_8_london_time_in_winter(int hour, int minute, bool quiet)
    {
        Assert.Equal(quiet, Default.IsQuiet(London(2026, 1, 15, hour, minute)));
    }

    [Fact]
    public void Summer_quiet_hours_follow_local_not_utc()
    {
        // 20:30 UTC is 21:30 BST.
        Assert.True(Default.IsQuiet(Utc(2026, 7, 15, 20, 30)));
        // 07:30 UTC is 08:30 BST.
        Assert.False(Default.IsQuiet(Utc(2026, 7, 15, 7, 30)));
    }

    [Fact]
    public void Evening_quiet_period_ends_at_eight_next_morning()
    {
        Assert.Equal(Utc(2026, 7, 16, 7, 0), Default.EndOfQuietPeriodContaining(London(2026, 7, 15, 22, 0)));
    }

    [Fact]
    public void Early_morning_quiet_period_ends_at_eight_same_morning()
    {
        Assert.Equal(Utc(2026, 1, 16, 8, 0), Default.EndOfQuietPeriodContaining(London(2026, 1, 16, 6, 0)));
    }

    [Fact]
    public void Last_allowed_before_early_morning_is_2059_previous_evening()
    {
        Assert.Equal(Utc(2026, 7, 15, 19, 59), Default.LastAllowedBeforeQuietPeriodContaining(London(2026, 7, 16, 6, 0)));
    }

    [Fact]
    public void Last_allowed_before_late_evening_is_2059_same_evening()
    {
        Assert.Equal(Utc(2026, 1, 15, 20, 59), Default.LastAllowedBeforeQuietPeriodContaining(London(2026, 1, 15, 23, 0)));
    }

    [Fact]
    public void Outside_quiet_hours_both_edges_are_the_instant_itself()
    {
        var noon = London(2026, 7, 15, 12);
        Assert.Equal(noon, Default.EndOfQuietPeriodContaining(noon));
        Assert.Equal(noon, Default.LastAllowedBeforeQuietPeriodContaining(noon));
    }

    [Fact]
    public void Equal_start_and_end_means_no_quiet_hours()
    {
        var none = new QuietHours(new TimeOnly(9, 0), new TimeOnly(9, 0));
        Assert.True(none.IsNone);
        Assert.False(Default.IsNone);
        for (var hour = 0; hour < 24; hour++)
        {
            Assert.False(none.IsQuiet(London(2026, 7, 15, hour)));
        }
    }

    [Theory]
    [InlineData(12, 59, false)]
    [InlineData(13, 0, true)]
    [InlineData(13, 59, true)]
    [InlineData(14, 0, false)]
    [InlineData(0, 30, false)]
    public void Non_wrapping_window_is_start_inclusive_end_exclusive(int hour, int minute, bool quiet)
    {
        var lunch = new QuietHours(new TimeOnly(13, 0), new TimeOnly(14, 0));
        Assert.Equal(quiet, lunch.IsQuiet(London(2026, 7, 15, hour, minute)));
    }

    [Fact]
    public void Spring_forward_night_is_an_hour_shorter_but_still_ends_at_eight_local()
    {
        // Saturday 28 March 2026 21:00 GMT until Sunday 29 March 08:00 BST.
        var midnight = London(2026, 3, 29, 0, 30);
        Assert.True(Default.IsQuiet(midnight));
        Assert.Equal(Utc(2026, 3, 29, 7, 0), Default.EndOfQuietPeriodContaining(midnight));
        Assert.Equal(Utc(2026, 3, 28, 20, 59), Default.LastAllowedBeforeQuietPeriodContaining(midnight));
        Assert.True(Default.IsQuiet(Utc(2026, 3, 29, 6, 59)));
        Assert.False(Default.IsQuiet(Utc(2026, 3, 29, 7, 0)));
    }

    [Fact]
    public void Autumn_night_is_an_hour_longer_but_still_ends_at_eight_local()
    {
        // Saturday 24 October 2026 21:00 BST until Sunday 25 October 08:00 GMT.
        var secondOneThirty = Utc(2026, 10, 25, 1, 30); // 01:30 GMT, the second time round
        Assert.True(Default.IsQuiet(secondOneThirty));
        Assert.Equal(Utc(2026, 10, 25, 8, 0), Default.EndOfQuietPeriodContaining(secondOneThirty));
        Assert.Equal(Utc(2026, 10, 24, 19, 59), Default.LastAllowedBeforeQuietPeriodContaining(secondOneThirty));
        Assert.True(Default.IsQuiet(Utc(2026, 10, 25, 7, 59)));
        Assert.False(Default.IsQuiet(Utc(2026, 10, 25, 8, 0)));
    }

    [Fact]
    public void Quiet_period_starting_in_the_spring_gap_moves_forward_by_the_gap()
    {
        var night = new QuietHours(new TimeOnly(1, 30), new TimeOnly(6, 0));
        Assert.False(night.IsQuiet(Utc(2026, 3, 29, 1, 29)));
        Assert.True(night.IsQuiet(Utc(2026, 3, 29, 1, 30))); // 02:30 BST, 01:30 "moved forward by the gap"
    }

    [Fact]
    public void Results_are_utc()
    {
        var end = Default.EndOfQuietPeriodContaining(London(2026, 7, 15, 22, 0));
        Assert.Equal(TimeSpan.Zero, end.Offset);
    }

    [Theory]
    [InlineData(9, 0, 15, 21)] // the same evening
    [InlineData(20, 59, 15, 21)]
    [InlineData(21, 0, 16, 21)] // inside quiet hours: the next night's
    [InlineData(3, 0, 15, 21)]
    public void The_next_quiet_period_starts_at_21_london_after_any_instant(int hour, int minute, int startDay, int startHour)
    {
        Assert.Equal(London(2026, 7, startDay, startHour), Default.NextStartAfter(London(2026, 7, 15, hour, minute)));
    }

    [Fact]
    public void Without_quiet_hours_there_is_no_next_start()
    {
        Assert.Null(new QuietHours(new TimeOnly(0, 0), new TimeOnly(0, 0)).NextStartAfter(London(2026, 7, 15, 12)));
    }
}

using Pilot.Shared.Time;

namespace Pilot.Shared.UnitTests.Time;

public sealed class LondonTimeTests
{
    [Fact]
    public void Winter_local_time_is_utc()
    {
        var local = LondonTime.ToLocal(new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTime(2026, 1, 15, 10, 0, 0), local.DateTime);
        Assert.Equal(TimeSpan.Zero, local.Offset);
    }

    [Fact]
    public void Summer_local_time_is_utc_plus_one()
    {
        var local = LondonTime.ToLocal(new DateTimeOffset(2026, 7, 15, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTime(2026, 7, 15, 10, 0, 0), local.DateTime);
        Assert.Equal(TimeSpan.FromHours(1), local.Offset);
    }

    [Fact]
    public void From_local_round_trips_ordinary_times()
    {
        var instant = LondonTime.FromLocal(new DateTime(2026, 7, 15, 10, 0, 0));
        Assert.Equal(new DateTimeOffset(2026, 7, 15, 9, 0, 0, TimeSpan.Zero), instant);
        Assert.Equal(TimeSpan.FromHours(1), instant.Offset);
    }

    [Fact]
    public void From_local_ignores_datetime_kind()
    {
        var utcKind = LondonTime.FromLocal(new DateTime(2026, 7, 15, 10, 0, 0, DateTimeKind.Utc));
        Assert.Equal(new DateTimeOffset(2026, 7, 15, 9, 0, 0, TimeSpan.Zero), utcKind);
    }

    [Fact]
    public void Spring_forward_gap_time_moves_forward_by_the_gap()
    {
        // Sunday 29 March 2026: 01:00 GMT jumps to 02:00 BST, so 01:30 never happens.
        var instant = LondonTime.FromLocal(new DateTime(2026, 3, 29, 1, 30, 0));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), instant);
        Assert.Equal(new DateTime(2026, 3, 29, 2, 30, 0), instant.DateTime);
    }

    [Fact]
    public void Spring_forward_gap_start_lands_on_the_jump()
    {
        var instant = LondonTime.FromLocal(new DateTime(2026, 3, 29, 1, 0, 0));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), instant);
    }

    [Fact]
    public void Autumn_ambiguous_time_takes_the_earlier_bst_instant()
    {
        // Sunday 25 October 2026: 01:30 happens at 00:30 UTC (BST) and again at 01:30 UTC (GMT).
        var instant = LondonTime.FromLocal(new DateTime(2026, 10, 25, 1, 30, 0));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), instant);
        Assert.Equal(TimeSpan.FromHours(1), instant.Offset);
    }

    [Fact]
    public void Times_either_side_of_autumn_overlap_are_unambiguous()
    {
        Assert.Equal(new DateTimeOffset(2026, 10, 24, 23, 59, 0, TimeSpan.Zero), LondonTime.FromLocal(new DateTime(2026, 10, 25, 0, 59, 0)));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 2, 0, 0, TimeSpan.Zero), LondonTime.FromLocal(new DateTime(2026, 10, 25, 2, 0, 0)));
    }

    [Fact]
    public void Zone_is_europe_london()
    {
        Assert.Equal(TimeSpan.Zero, LondonTime.Zone.BaseUtcOffset);
        Assert.True(LondonTime.Zone.SupportsDaylightSavingTime);
    }
}

using Pilot.Shared.Sms.Limits;

namespace Pilot.Shared.UnitTests.Sms;

public sealed class NumberHourTests
{
    [Fact]
    public void The_keys_are_the_numbers_hash_and_the_utc_clock_hour_never_the_number()
    {
        var key = NumberHour.Of("+447700900123", new DateTimeOffset(2026, 7, 1, 9, 59, 59, TimeSpan.FromHours(1)));

        Assert.Equal("2026070108", key.Hour);
        Assert.Equal(64, key.NumberHash.Length);
        Assert.DoesNotContain("7700900123", key.NumberHash, StringComparison.Ordinal);
        Assert.Equal(key, NumberHour.Of("+447700900123", new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero)));
        Assert.NotEqual(key.NumberHash, NumberHour.Of("+447700900124", DateTimeOffset.UnixEpoch).NumberHash);
    }

    [Theory]
    [InlineData("2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z")]
    [InlineData("2026-03-03T09:59:59Z", "2026-03-03T10:00:00Z")]
    [InlineData("2026-12-31T23:30:00Z", "2027-01-01T00:00:00Z")]
    [InlineData("2026-07-01T10:15:00+01:00", "2026-07-01T10:00:00Z")]
    public void A_held_text_may_go_when_the_utc_clock_hour_ends(string at, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            NumberHour.NextHourAfter(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));
    }
}

using Pilot.Shared.Sms.Outbound.Policy;

namespace Pilot.Shared.UnitTests.Sms.Outbound;

public sealed class RetryBackoffTests
{
    private static readonly DateTimeOffset Due = new(2026, 3, 3, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(5, 480)]
    [InlineData(6, 900)]
    [InlineData(40, 900)]
    public void The_wait_doubles_from_thirty_seconds_up_to_fifteen_minutes(int attempts, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryBackoff.DelayAfter(attempts));
    }

    [Fact]
    public void A_text_is_tried_again_until_four_hours_after_it_fell_due_then_it_fails()
    {
        Assert.Equal(Due.AddHours(4).AddTicks(-1) + RetryBackoff.Longest, RetryBackoff.NextAttempt(9, Due, Due.AddHours(4).AddTicks(-1)));
        Assert.Null(RetryBackoff.NextAttempt(9, Due, Due.AddHours(4)));
    }
}

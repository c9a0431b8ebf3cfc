using Pilot.Shared.Reminders.Planning;

namespace Pilot.Shared.UnitTests.Reminders.Planning;

public sealed class TextKindsTests
{
    [Fact]
    public void Reminder_kinds_name_the_offset()
    {
        Assert.Equal("reminder-1d", TextKinds.DaysBefore(1));
        Assert.Equal("reminder-2h", TextKinds.HoursBefore(2));
        Assert.Equal("reminder-24h", TextKinds.HoursBefore(24));
    }

    [Theory]
    [InlineData("reminder-1d", 1, true)]
    [InlineData("reminder-14d", 14, true)]
    [InlineData("reminder-2h", 2, false)]
    public void Reminder_kind_parses_back(string kind, int amount, bool isDays)
    {
        Assert.True(TextKinds.TryParseReminder(kind, out var parsedAmount, out var parsedIsDays));
        Assert.Equal(amount, parsedAmount);
        Assert.Equal(isDays, parsedIsDays);
        Assert.True(TextKinds.IsReminder(kind));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("confirmation")]
    [InlineData("rescheduled")]
    [InlineData("cancelled")]
    [InlineData("reminder-d")]
    [InlineData("reminder--1d")]
    [InlineData("reminder-1w")]
    [InlineData("reminder-+1h")]
    [InlineData("reminder-99999999999h")]
    public void Other_kinds_are_not_reminders(string? kind)
    {
        Assert.False(TextKinds.TryParseReminder(kind, out _, out _));
    }
}

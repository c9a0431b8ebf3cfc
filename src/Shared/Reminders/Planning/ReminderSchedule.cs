namespace Pilot.Shared.Reminders.Planning;

/// <summary>
/// When reminders go before an appointment. Days keep the local clock time ("the day before at
/// 10:00" even across a clock change); hours are elapsed time.
/// </summary>
public sealed record ReminderSchedule(IReadOnlyList<int> DaysBefore, IReadOnlyList<int> HoursBefore)
{
    /// <summary>The day before, and two hours before.</summary>
    public static ReminderSchedule Default => new([1], [2]);
}

using System.Globalization;

namespace Pilot.Shared.Reminders.Planning;

/// <summary>The kinds of text sent about one appointment; each kind goes at most once per appointment.</summary>
public static class TextKinds
{
    public const string Confirmation = "confirmation";
    public const string Rescheduled = "rescheduled";
    public const string Cancelled = "cancelled";

    private const string ReminderPrefix = "reminder-";

    public static string DaysBefore(int days) => string.Create(CultureInfo.InvariantCulture, $"{ReminderPrefix}{days}d");

    public static string HoursBefore(int hours) => string.Create(CultureInfo.InvariantCulture, $"{ReminderPrefix}{hours}h");

    public static bool IsReminder(string kind) => TryParseReminder(kind, out _, out _);

    /// <summary>Reads "reminder-1d" as (1, days) and "reminder-2h" as (2, hours).</summary>
    public static bool TryParseReminder(string? kind, out int amount, out bool isDays)
    {
        amount = 0;
        isDays = false;
        if (kind is null || !kind.StartsWith(ReminderPrefix, StringComparison.Ordinal) || kind.Length < ReminderPrefix.Length + 2)
        {
            return false;
        }

        var unit = kind[^1];
        if (unit is not ('d' or 'h'))
        {
            return false;
        }

        var number = kind.AsSpan(ReminderPrefix.Length, kind.Length - ReminderPrefix.Length - 1);
        if (number.ContainsAnyExceptInRange('0', '9')
            || !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out amount))
        {
            amount = 0;
            return false;
        }

        isDays = unit == 'd';
        return true;
    }
}

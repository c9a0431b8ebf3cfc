using System.Globalization;
using Pilot.Shared.Vacancies.Hours;

namespace Pilot.Shared.Vacancies.Matching;

/// <summary>
/// A weekly window in which a parent could be at work, travel included:
/// <c>{ "days": ["Mon".."Fri"], "from": "09:15", "to": "14:45" }</c>. Times off the quarter-hour
/// are rounded inwards (from up, to down), so a window never claims time the parent does not have.
/// A "to" at or before "from" runs past midnight; "00:00" as "to" is the end of the day.
/// </summary>
public sealed record AvailabilityWindow(IReadOnlyList<DayOfWeek> Days, TimeOnly From, TimeOnly To)
{
    private static readonly string[] DayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    public WeeklyPattern ToPattern()
    {
        var fromQuarter = (From.Hour * 4) + ((From.Minute + 14) / 15);
        var toQuarter = (To.Hour * 4) + (To.Minute / 15);
        if (To == TimeOnly.MinValue)
        {
            toQuarter = WeeklyPattern.QuartersPerDay;
        }

        if (fromQuarter >= WeeklyPattern.QuartersPerDay || fromQuarter == toQuarter)
        {
            return WeeklyPattern.Empty;
        }

        return WeeklyPattern.FromDayRange(Days, fromQuarter, toQuarter);
    }

    public static WeeklyPattern ToPattern(IEnumerable<AvailabilityWindow> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        return windows.Aggregate(WeeklyPattern.Empty, (pattern, window) => pattern.Union(window.ToPattern()));
    }

    /// <summary>From the API's form: day names "Mon".."Sun" (or full names) and "HH:mm" times.</summary>
    public static bool TryCreate(IEnumerable<string> days, string from, string to, out AvailabilityWindow? window)
    {
        ArgumentNullException.ThrowIfNull(days);
        window = null;
        var parsedDays = new List<DayOfWeek>();
        foreach (var day in days)
        {
            var index = Array.FindIndex(DayNames, d => day is not null && day.Length >= 3 && day.StartsWith(d, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                return false;
            }

            parsedDays.Add(WeeklyPattern.DayOf(index));
        }

        if (parsedDays.Count == 0
            || !TimeOnly.TryParseExact(from, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var fromTime)
            || !TimeOnly.TryParseExact(to, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var toTime))
        {
            return false;
        }

        window = new AvailabilityWindow(parsedDays, fromTime, toTime);
        return true;
    }
}

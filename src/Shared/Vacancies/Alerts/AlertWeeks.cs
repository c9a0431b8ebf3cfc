using System.Globalization;
using Pilot.Shared.Time;

namespace Pilot.Shared.Vacancies.Alerts;

/// <summary>The weekly cap counts per ISO week of the London date (Monday to Sunday).</summary>
public static class AlertWeeks
{
    public static string For(DateOnly londonDate)
    {
        var date = londonDate.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}");
    }

    public static DateOnly LondonDate(DateTimeOffset instant) => DateOnly.FromDateTime(LondonTime.ToLocal(instant).DateTime);
}

using System.Globalization;
using Pilot.Shared.Time;
using Pilot.Shared.Vacancies.Hours;
using Pilot.Shared.Vacancies.Matching;

namespace Pilot.Shared.Venues;

/// <summary>
/// Whether an appointment may start at a venue at a given instant. Appointments have no length here, so the
/// rule is about the start: in London time it must fall inside one of the venue's opening windows
/// (<c>from</c> inclusive, <c>to</c> exclusive), on a day that is not a bank holiday in the venue's nation.
/// </summary>
public static class VenueHours
{
    /// <returns>Null when the venue is open then; otherwise why not, for a 400 naming <c>startsAt</c>.</returns>
    public static string? Refusal(Venue venue, DateTimeOffset startsAt)
    {
        ArgumentNullException.ThrowIfNull(venue);
        var local = LondonTime.ToLocal(startsAt);
        var date = DateOnly.FromDateTime(local.DateTime);
        var day = date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);
        if (BankHolidays.On(venue.Nation, date) is { } holiday)
        {
            return $"{day} is a bank holiday in {UkNations.Name(venue.Nation)} ({holiday}): {venue.Name} is closed";
        }

        return IsOpen(Pattern(venue), local.DateTime)
            ? null
            : $"{local:HH:mm} on {day} (London time) is outside {venue.Name}'s opening hours ({venue.OpeningHours})";
    }

    public static bool IsOpen(Venue venue, DateTimeOffset instant) => Refusal(venue, instant) is null;

    /// <summary>
    /// The first time at or after <paramref name="notBefore"/> when the venue is open, keeping the same London
    /// clock time on a later day where it can (or else the nearest opening after it that day), so a demo or a
    /// test can ask for "about ten days from now, at 10:00" and get an open day. Null if it never opens within
    /// <paramref name="maxDays"/>.
    /// </summary>
    public static DateTimeOffset? NextOpenAt(Venue venue, DateTimeOffset notBefore, int maxDays = 60)
    {
        ArgumentNullException.ThrowIfNull(venue);
        var pattern = Pattern(venue);
        var local = LondonTime.ToLocal(notBefore).DateTime;
        var firstDate = DateOnly.FromDateTime(local);
        var preferred = TimeOnly.FromDateTime(local);
        for (var offset = 0; offset <= maxDays; offset++)
        {
            var date = firstDate.AddDays(offset);
            if (BankHolidays.On(venue.Nation, date) is not null)
            {
                continue;
            }

            var starts = WindowStarts(pattern, date.DayOfWeek);
            TimeOnly? chosen = IsOpen(pattern, date.ToDateTime(preferred)) ? preferred
                : starts.Cast<TimeOnly?>().FirstOrDefault(s => s > preferred) ?? (offset > 0 && starts.Count > 0 ? starts[0] : null);
            if (chosen is { } time)
            {
                var instant = LondonTime.FromLocal(date.ToDateTime(time));
                if (instant >= notBefore && IsOpen(venue, instant))
                {
                    return instant;
                }
            }
        }

        return null;
    }

    internal static WeeklyPattern Pattern(Venue venue)
    {
        var windows = new List<AvailabilityWindow>();
        foreach (var window in venue.OpeningTimes ?? [])
        {
            if (AvailabilityWindow.TryCreate(window.Days, window.From, window.To, out var parsed) && parsed is not null && parsed.To > parsed.From)
            {
                windows.Add(parsed);
            }
        }

        return AvailabilityWindow.ToPattern(windows);
    }

    private static bool IsOpen(WeeklyPattern pattern, DateTime londonWallClock)
        => pattern.Contains(londonWallClock.DayOfWeek, (londonWallClock.Hour * 4) + (londonWallClock.Minute / 15));

    private static List<TimeOnly> WindowStarts(WeeklyPattern pattern, DayOfWeek day)
    {
        var starts = new List<TimeOnly>();
        for (var q = 0; q < WeeklyPattern.QuartersPerDay; q++)
        {
            if (pattern.Contains(day, q) && (q == 0 || !pattern.Contains(day, q - 1)))
            {
                starts.Add(new TimeOnly(q / 4, q % 4 * 15));
            }
        }

        return starts;
    }
}

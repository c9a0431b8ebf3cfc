using System.Globalization;
using Pilot.Shared.Vacancies.Hours;

namespace Pilot.Shared.Vacancies.Matching;

/// <summary>
/// The rules that decide whether a vacancy fits a parent. Both matchers call these, so they can
/// only differ in which pairs they look at, never in the verdict on a pair.
/// </summary>
public static class MatchRules
{
    /// <summary>Always measured from the parent to the vacancy, so both matchers get the same bits.</summary>
    public static double DistanceKm(ParentProfile parent, Vacancy vacancy)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(vacancy);
        return parent.Start.DistanceKmTo(vacancy.Location);
    }

    public static bool WithinReach(ParentProfile parent, double distanceKm) => distanceKm <= parent.MaxTravelKm;

    /// <summary>A parent who needs school holidays off cannot take a year-round job; a term-time job suits everyone.</summary>
    public static bool TermTimeSuits(ParentProfile parent, Vacancy vacancy) => !parent.TermTimeOnly || vacancy.TermTimeOnly;

    /// <summary>The stated hours a week, else those of the pattern; null when neither is known.</summary>
    public static double? WeeklyHours(Vacancy vacancy) => vacancy.HoursPerWeek ?? vacancy.Hours?.HoursPerWeek;

    /// <summary>Unknown hours a week pass: the weekly pattern (or the parent's acceptance of unknown hours) decides.</summary>
    public static bool HoursPerWeekSuit(ParentProfile parent, double? weeklyHours)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return weeklyHours is not { } hours || HoursPerWeekSuit(parent.MinHours, parent.MaxHours, hours);
    }

    internal static bool HoursPerWeekSuit(double? minHours, double? maxHours, double weeklyHours) =>
        (minHours is not { } min || weeklyHours >= min) && (maxHours is not { } max || weeklyHours <= max);

    /// <summary>No interests means any job; otherwise the category or a keyword must be one of them (ignoring case).</summary>
    public static bool InterestsMatch(ParentProfile parent, Vacancy vacancy)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(vacancy);
        return parent.Interests.Count == 0
            || parent.Interests.Any(i => string.Equals(i, vacancy.Category, StringComparison.OrdinalIgnoreCase)
                || vacancy.Keywords.Any(k => string.Equals(i, k, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>
    /// The job's hours widened by the trip each way must lie inside the parent's availability:
    /// (widened job AND NOT availability) == 0 on every day.
    /// </summary>
    public static bool HoursFit(WeeklyPattern job, WeeklyPattern availability, int travelQuarters)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Widen(travelQuarters).IsInside(availability);
    }

    /// <summary>The whole rule for one pair, checked the plain way; null when it does not fit.</summary>
    public static VacancyMatch? Evaluate(ParentProfile parent, Vacancy vacancy)
    {
        var distance = DistanceKm(parent, vacancy);
        if (!WithinReach(parent, distance)
            || !TermTimeSuits(parent, vacancy)
            || !HoursPerWeekSuit(parent, WeeklyHours(vacancy))
            || !InterestsMatch(parent, vacancy))
        {
            return null;
        }

        if (vacancy.Hours is null)
        {
            return parent.AcceptsUnknownHours ? Matched(parent, vacancy, distance) : null;
        }

        return HoursFit(vacancy.Hours, parent.Availability, TravelTime.Quarters(distance, parent.Mode))
            ? Matched(parent, vacancy, distance)
            : null;
    }

    internal static VacancyMatch Matched(ParentProfile parent, Vacancy vacancy, double distanceKm) =>
        new(parent.Id, vacancy.Ref, distanceKm, Reason(parent, vacancy, distanceKm));

    /// <summary>"2.1 km by bus, Mon-Fri 9:30-2:30 fits your Mon-Fri 9:15-2:45".</summary>
    public static string Reason(ParentProfile parent, Vacancy vacancy, double distanceKm)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(vacancy);
        return vacancy.Hours is { } hours
            ? Reason(parent.Mode, vacancy.TermTimeOnly, distanceKm, hours.Describe(), parent.Availability.Describe())
            : Reason(parent.Mode, vacancy.TermTimeOnly, distanceKm, jobHours: null, availability: string.Empty);
    }

    /// <summary>
    /// The same sentence from descriptions already made, so a matcher that meets the same
    /// patterns many times describes each once; <paramref name="jobHours"/> is null when unknown.
    /// </summary>
    internal static string Reason(TravelMode mode, bool termTimeOnly, double distanceKm, string? jobHours, string availability)
    {
        // One pass into buffers on the stack: a reason is written for every match.
        Span<char> buffer = stackalloc char[32];
        var km = Tenths(distanceKm, buffer);
        var term = termTimeOnly ? " term time" : string.Empty;
        return jobHours is null
            ? string.Create(CultureInfo.InvariantCulture, stackalloc char[128], $"{km} km {ModeWords(mode)}; hours not stated{term}, check they fit you")
            : string.Create(CultureInfo.InvariantCulture, stackalloc char[128], $"{km} km {ModeWords(mode)}, {jobHours}{term} fits your {availability}");
    }

    /// <summary>
    /// <paramref name="km"/> as <c>ToString("0.0", InvariantCulture)</c> writes it. That format
    /// rounds the 15-digit decimal form half away from zero; away from a half-tenth (by far more
    /// than that form's error) it is simply the nearest tenth, written here without the format
    /// parser. Near a half-tenth, and for anything unusual, the format itself decides.
    /// </summary>
    internal static ReadOnlySpan<char> Tenths(double km, Span<char> buffer)
    {
        if (!double.IsNegative(km) && km < 1e6)
        {
            var tenths = km * 10;
            if (Math.Abs(tenths - Math.Floor(tenths) - 0.5) > 1e-6)
            {
                var rounded = (long)Math.Floor(tenths + 0.5);
                if ((rounded / 10).TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture) && written + 2 <= buffer.Length)
                {
                    buffer[written] = '.';
                    buffer[written + 1] = (char)('0' + (int)(rounded % 10));
                    return buffer[..(written + 2)];
                }
            }
        }

        return km.TryFormat(buffer, out var length, "0.0", CultureInfo.InvariantCulture)
            ? buffer[..length]
            : km.ToString("0.0", CultureInfo.InvariantCulture);
    }

    private static string ModeWords(TravelMode mode) => mode switch
    {
        TravelMode.Walk => "on foot",
        TravelMode.Bus => "by bus",
        _ => "by car",
    };
}

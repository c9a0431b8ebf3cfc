using System.Globalization;
using System.Text.Json;
using Pilot.Shared.Vacancies.Alerts;
using Pilot.Shared.Vacancies.Catalogue;
using Pilot.Shared.Vacancies.Hours;

namespace Pilot.Shared.Parents.Changes;

/// <summary>
/// A parent's language and job search as they stand, in the shape <c>PATCH /api/parents/{id}</c> takes and answers
/// (so a client can send back what it read). Interests are kept as one list matched against a vacancy's category and
/// words, so they come back as <c>jobInterests.keywords</c>. No job search: its fields are absent and alerts are off.
/// </summary>
public sealed record ParentPreferencesView(
    string Id,
    string PreferredLanguage,
    IReadOnlyList<WeeklyWindowRequest>? Availability,
    bool? TermTimeOnly,
    double? MaxTravelKm,
    string? TravelMode,
    JobInterestsRequest? JobInterests,
    double? MinHoursPerWeek,
    double? MaxHoursPerWeek,
    bool? AcceptUnknownHours,
    AlertsRequest Alerts)
{
    private static readonly string[] DayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    public static ParentPreferencesView Of(ParentEntity parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        if (Search(parent) is not { } search)
        {
            return new ParentPreferencesView(parent.Id, parent.PreferredLanguage, null, null, null, null, null, null, null, null, new AlertsRequest(false, null, null));
        }

        return new ParentPreferencesView(
            parent.Id,
            parent.PreferredLanguage,
            Windows(PatternText.Read(search.Availability)),
            search.TermTimeOnly,
            search.MaxTravelKm,
            search.TravelMode.ToString().ToLowerInvariant(),
            new JobInterestsRequest(null, [.. search.Interests]),
            search.MinHoursPerWeek,
            search.MaxHoursPerWeek,
            search.AcceptUnknownHours,
            new AlertsRequest(parent.AlertsOptIn, search.AlertsMaxPerWeek, search.AlertsMode));
    }

    /// <summary>The stored job search, or null when the parent gave none.</summary>
    public static JobSearch? Search(ParentEntity parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return parent.JobSearch is null ? null : JsonSerializer.Deserialize<JobSearch>(parent.JobSearch, JsonDefaults.Web);
    }

    /// <summary>The view as the request that would leave everything as it is: the base a merge patch is applied to.</summary>
    public ParentChangeRequest AsRequest() => new(PreferredLanguage, Availability?.Cast<WeeklyWindowRequest?>().ToList(), TermTimeOnly, MaxTravelKm, TravelMode, JobInterests, MinHoursPerWeek, MaxHoursPerWeek, AcceptUnknownHours, Alerts);

    /// <summary>
    /// A stored pattern back as windows: each day's runs of quarters, days with the same runs together. A run that ends
    /// at midnight ends at <c>00:00</c> (a window ending at or before its start runs past midnight), so checking the
    /// windows again gives the same pattern.
    /// </summary>
    public static IReadOnlyList<WeeklyWindowRequest> Windows(WeeklyPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var groups = new List<(List<string> Days, IReadOnlyList<(int From, int To)> Runs)>();
        for (var d = 0; d < WeeklyPattern.DaysPerWeek; d++)
        {
            var runs = Runs(pattern.Day(WeeklyPattern.DayOf(d)));
            if (runs.Count == 0)
            {
                continue;
            }

            var same = groups.FindIndex(g => g.Runs.SequenceEqual(runs));
            if (same < 0)
            {
                groups.Add(([DayNames[d]], runs));
            }
            else
            {
                groups[same].Days.Add(DayNames[d]);
            }
        }

        return [.. groups.SelectMany(g => g.Runs.Select(r => new WeeklyWindowRequest(g.Days.ToList(), Clock(r.From), Clock(r.To))))];
    }

    /// <summary>The runs of one day's quarters, [from, to) in quarters from midnight.</summary>
    public static IReadOnlyList<(int From, int To)> Runs(UInt128 day)
    {
        var runs = new List<(int, int)>();
        var q = 0;
        while (q < WeeklyPattern.QuartersPerDay)
        {
            if (((day >> q) & UInt128.One) == UInt128.Zero)
            {
                q++;
                continue;
            }

            var start = q;
            while (q < WeeklyPattern.QuartersPerDay && ((day >> q) & UInt128.One) != UInt128.Zero)
            {
                q++;
            }

            runs.Add((start, q));
        }

        return runs;
    }

    public static string Clock(int quarter)
    {
        var minutes = quarter % WeeklyPattern.QuartersPerDay * 15;
        return (minutes / 60).ToString("00", CultureInfo.InvariantCulture) + ":" + (minutes % 60).ToString("00", CultureInfo.InvariantCulture);
    }
}

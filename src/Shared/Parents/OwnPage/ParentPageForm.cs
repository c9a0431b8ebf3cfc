using System.Globalization;
using Pilot.Shared.Parents.Changes;
using Pilot.Shared.Validation;
using Pilot.Shared.Vacancies.Alerts;
using Pilot.Shared.Vacancies.Catalogue;
using Pilot.Shared.Vacancies.Hours;

namespace Pilot.Shared.Parents.OwnPage;

/// <summary>
/// The job-search form of the parent's page and the office console's page, as the browser sends it: one from/to pair a
/// day (a day left blank is not a working day), the rest one field each. It becomes a <see cref="ParentChangeRequest"/>
/// for <see cref="ParentPreferences"/>; the validator's field names (<c>availability[2].from</c>) are mapped back to
/// the form's fields for the error summary and the message by each field.
/// </summary>
public sealed record ParentPageForm(
    string PreferredLanguage,
    IReadOnlyDictionary<string, (string From, string To)> Days,
    bool TermTimeOnly,
    string MaxTravelKm,
    string TravelMode,
    string Interests,
    string MinHoursPerWeek,
    string MaxHoursPerWeek,
    bool AcceptUnknownHours,
    string AlertsOptIn,
    string AlertsMaxPerWeek,
    string AlertsMode)
{
    /// <summary>The day fields' keys, Monday first, and their names on the page.</summary>
    public static readonly IReadOnlyList<(string Key, string ApiName, string Name)> DayFields =
    [
        ("mon", "Mon", "Monday"), ("tue", "Tue", "Tuesday"), ("wed", "Wed", "Wednesday"), ("thu", "Thu", "Thursday"),
        ("fri", "Fri", "Friday"), ("sat", "Sat", "Saturday"), ("sun", "Sun", "Sunday"),
    ];

    /// <summary>The form filled in from what is stored: each day's first span of hours (the page edits one span a day).</summary>
    public static ParentPageForm From(ParentPreferencesView view, WeeklyPattern? availability)
    {
        ArgumentNullException.ThrowIfNull(view);
        var days = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        for (var d = 0; d < DayFields.Count; d++)
        {
            var runs = availability is null ? [] : ParentPreferencesView.Runs(availability.Day(WeeklyPattern.DayOf(d)));
            days[DayFields[d].Key] = runs.Count == 0 ? ("", "") : (ParentPreferencesView.Clock(runs[0].From), ParentPreferencesView.Clock(runs[0].To));
        }

        return new ParentPageForm(
            view.PreferredLanguage,
            days,
            view.TermTimeOnly ?? false,
            Number(view.MaxTravelKm),
            view.TravelMode ?? "",
            string.Join(", ", view.JobInterests?.Keywords ?? []),
            Number(view.MinHoursPerWeek),
            Number(view.MaxHoursPerWeek),
            view.AcceptUnknownHours ?? false,
            view.Alerts.OptIn == true ? "yes" : "no",
            view.Alerts.MaxPerWeek?.ToString(CultureInfo.InvariantCulture) ?? JobSearchValidation.DefaultMaxPerWeek.ToString(CultureInfo.InvariantCulture),
            view.Alerts.Mode ?? AlertModes.Immediate);
    }

    /// <summary>The form as posted; a missing field reads as blank.</summary>
    public static ParentPageForm Read(Func<string, string?> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        string Text(string name) => (field(name) ?? "").Trim();
        return new ParentPageForm(
            Text("preferredLanguage"),
            DayFields.ToDictionary(d => d.Key, d => (Text(d.Key + "-from"), Text(d.Key + "-to")), StringComparer.Ordinal),
            Text("termTimeOnly") == "yes",
            Text("maxTravelKm"),
            Text("travelMode"),
            Text("interests"),
            Text("minHoursPerWeek"),
            Text("maxHoursPerWeek"),
            Text("acceptUnknownHours") == "yes",
            Text("alertsOptIn"),
            Text("alertsMaxPerWeek"),
            Text("alertsMode"));
    }

    /// <summary>
    /// The request the form makes, and what could not be read as a number (as the API's "has the wrong type"). Blank
    /// means not given, exactly as a field left out of the JSON, so the same rules apply.
    /// </summary>
    public (ParentChangeRequest Request, IReadOnlyList<FieldError> Unreadable) ToRequest()
    {
        var unreadable = new List<FieldError>();
        var windows = new List<WeeklyWindowRequest?>();
        foreach (var (key, apiName, _) in DayFields)
        {
            var (from, to) = Days.GetValueOrDefault(key);
            if (from.Length > 0 || to.Length > 0)
            {
                windows.Add(new WeeklyWindowRequest([apiName], Clock(from), Clock(to)));
            }
        }

        var alertsGiven = AlertsOptIn is "yes" or "no";
        var request = new ParentChangeRequest(
            PreferredLanguage.Length == 0 ? null : PreferredLanguage,
            windows.Count == 0 ? null : windows,
            TermTimeOnly ? true : null,
            Parse(MaxTravelKm, "maxTravelKm", unreadable),
            TravelMode.Length == 0 ? null : TravelMode,
            Interests.Length == 0 ? null : new JobInterestsRequest(null, [.. Interests.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]),
            Parse(MinHoursPerWeek, "minHoursPerWeek", unreadable),
            Parse(MaxHoursPerWeek, "maxHoursPerWeek", unreadable),
            AcceptUnknownHours ? true : null,
            alertsGiven || AlertsMaxPerWeek.Length > 0 || AlertsMode.Length > 0
                ? new AlertsRequest(alertsGiven ? AlertsOptIn == "yes" : null, ParseWhole(AlertsMaxPerWeek, "alerts.maxPerWeek", unreadable), AlertsMode.Length == 0 ? null : AlertsMode)
                : null);
        return (request, unreadable);
    }

    /// <summary>The day keys of the windows <see cref="ToRequest"/> made, in order: which day <c>availability[i]</c> is.</summary>
    public IReadOnlyList<string> WindowDays() => [.. DayFields.Where(d => Days.GetValueOrDefault(d.Key) is var (f, t) && (f.Length > 0 || t.Length > 0)).Select(d => d.Key)];

    /// <summary>
    /// A validator's error as the page shows it: the id of the field it is about (the error summary links to it) and a
    /// sentence starting with that field's name.
    /// </summary>
    public FieldError ForPage(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var field = error.Field;
        if (field == "availability")
        {
            return new FieldError("mon-from", "Enter the hours you could work on at least one day, like 09:15 to 14:45");
        }

        if (field.StartsWith("availability[", StringComparison.Ordinal))
        {
            var close = field.IndexOf(']', StringComparison.Ordinal);
            var days = WindowDays();
            var index = int.TryParse(field.AsSpan(13, Math.Max(0, close - 13)), NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < days.Count ? i : 0;
            var day = days.Count == 0 ? "mon" : days[index];
            var name = DayFields.First(d => d.Key == day).Name;
            var end = field.EndsWith(".to", StringComparison.Ordinal) ? "to" : "from";
            var message = error.Message.Replace("must differ from from", "must be later than the start", StringComparison.Ordinal);
            return new FieldError($"{day}-{end}", $"{name} {(end == "to" ? "end" : "start")} time {message}");
        }

        var (id, label) = field switch
        {
            "preferredLanguage" => ("preferredLanguage", "Language"),
            "maxTravelKm" => ("maxTravelKm", "How far you can travel, in km,"),
            "travelMode" => ("travelMode", "How you travel"),
            "minHoursPerWeek" => ("minHoursPerWeek", "Fewest hours a week"),
            "maxHoursPerWeek" => ("maxHoursPerWeek", "Most hours a week"),
            "alerts.optIn" => ("alertsOptIn", "Job alerts"),
            "alerts.maxPerWeek" => ("alertsMaxPerWeek", "Most job texts a week"),
            "alerts.mode" => ("alertsMode", "When job texts come"),
            _ when field.StartsWith("jobInterests", StringComparison.Ordinal) => ("interests", "Each kind of work"),
            _ => ("preferredLanguage", field),
        };
        return new FieldError(id, $"{label} {error.Message}");
    }

    /// <summary>"9:15" and "0915" are read as 09:15; anything else goes to the validator as typed, which names it.</summary>
    private static string? Clock(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var digits = text.Replace(":", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
        return digits.Length is 3 or 4 && digits.All(char.IsAsciiDigit) ? digits.PadLeft(4, '0').Insert(2, ":") : text;
    }

    private static double? Parse(string text, string field, List<FieldError> unreadable)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        unreadable.Add(new FieldError(field, "must be a number, like 5"));
        return null;
    }

    private static int? ParseWhole(string text, string field, List<FieldError> unreadable)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        unreadable.Add(new FieldError(field, "must be a whole number, like 5"));
        return null;
    }

    private static string Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
}

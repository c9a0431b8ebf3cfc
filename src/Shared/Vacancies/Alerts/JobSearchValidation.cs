using Pilot.Shared.Parents;
using Pilot.Shared.Validation;
using Pilot.Shared.Vacancies.Areas;
using Pilot.Shared.Vacancies.Catalogue;
using Pilot.Shared.Vacancies.Matching;

namespace Pilot.Shared.Vacancies.Alerts;

/// <summary>
/// The job-search part of <c>POST /api/parents</c>. All of it is optional (a parent may only want
/// reminders), but once any of it is given, or alerts are opted into, the three things matching
/// cannot do without are required: <c>availability</c>, <c>maxTravelKm</c> (at most
/// <see cref="GeoGrid.MaxReachKm"/>) and <c>travelMode</c>.
/// </summary>
public static class JobSearchValidation
{
    public const int DefaultMaxPerWeek = 5;
    public const int MaxPerWeekLimit = 20;

    public static (JobSearch? Search, bool AlertsOptIn) Check(RegisterParentRequest request, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        var alertsOptIn = false;
        if (request.Alerts is { } alerts)
        {
            if (alerts.OptIn is not bool optIn)
            {
                errors.Add(new FieldError("alerts.optIn", "is required: true or false"));
            }
            else
            {
                alertsOptIn = optIn;
            }
        }

        var anyGiven = request.Availability is not null || request.MaxTravelKm is not null || request.TravelMode is not null
            || request.JobInterests is not null || request.MinHoursPerWeek is not null || request.MaxHoursPerWeek is not null
            || request.TermTimeOnly is not null || request.AcceptUnknownHours is not null || alertsOptIn;
        if (!anyGiven)
        {
            return (null, false);
        }

        var before = errors.Count;
        var availability = WeeklyWindows.Check(request.Availability, "availability", errors);

        if (request.MaxTravelKm is not { } maxKm)
        {
            errors.Add(new FieldError("maxTravelKm", "is required with availability or alerts"));
            maxKm = 0;
        }
        else if (maxKm is <= 0 or > GeoGrid.MaxReachKm)
        {
            errors.Add(new FieldError("maxTravelKm", $"must be more than 0 and at most {GeoGrid.MaxReachKm:0}"));
        }

        TravelMode mode = TravelMode.Walk;
        switch (request.TravelMode?.Trim().ToLowerInvariant())
        {
            case "walk": mode = TravelMode.Walk; break;
            case "bus": mode = TravelMode.Bus; break;
            case "car": mode = TravelMode.Car; break;
            default: errors.Add(new FieldError("travelMode", "must be walk, bus or car")); break;
        }

        var interests = new List<string>();
        Words(request.JobInterests?.Categories, "jobInterests.categories", interests, errors);
        Words(request.JobInterests?.Keywords, "jobInterests.keywords", interests, errors);

        CheckHours(request.MinHoursPerWeek, "minHoursPerWeek", errors);
        CheckHours(request.MaxHoursPerWeek, "maxHoursPerWeek", errors);
        if (request.MinHoursPerWeek is { } min && request.MaxHoursPerWeek is { } max && max < min)
        {
            errors.Add(new FieldError("maxHoursPerWeek", "must be at least minHoursPerWeek"));
        }

        var maxPerWeek = request.Alerts?.MaxPerWeek ?? DefaultMaxPerWeek;
        if (maxPerWeek is < 1 or > MaxPerWeekLimit)
        {
            errors.Add(new FieldError("alerts.maxPerWeek", $"must be 1 to {MaxPerWeekLimit}"));
        }

        var alertMode = request.Alerts?.Mode?.Trim().ToLowerInvariant() ?? AlertModes.Immediate;
        if (alertMode is not (AlertModes.Immediate or AlertModes.Digest))
        {
            errors.Add(new FieldError("alerts.mode", "must be immediate or digest"));
        }

        if (errors.Count > before || availability is null)
        {
            return (null, false);
        }

        return (new JobSearch(
            PatternText.Write(availability),
            request.TermTimeOnly ?? false,
            maxKm,
            mode,
            interests.Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
            request.MinHoursPerWeek,
            request.MaxHoursPerWeek,
            request.AcceptUnknownHours ?? false,
            maxPerWeek,
            alertMode), alertsOptIn);
    }

    private static void Words(IReadOnlyList<string?>? words, string field, List<string> into, List<FieldError> errors)
    {
        if (words is null)
        {
            return;
        }

        if (words.Count > 20)
        {
            errors.Add(new FieldError(field, "must have at most 20 entries"));
            return;
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (TextField.Check(words[i], $"{field}[{i}]", 50, errors) is { } word)
            {
                into.Add(word.ToLowerInvariant());
            }
        }
    }

    private static void CheckHours(double? hours, string field, List<FieldError> errors)
    {
        if (hours is < 0 or > 60)
        {
            errors.Add(new FieldError(field, "must be 0 to 60"));
        }
    }
}

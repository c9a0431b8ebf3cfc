using System.Globalization;
using Pilot.Shared.Access;
using Pilot.Shared.Appointments;
using Pilot.Shared.Parents.Changes;
using Pilot.Shared.Time;
using Pilot.Shared.Validation;
using Pilot.Shared.Vacancies.Catalogue;
using Pilot.Shared.Venues;

namespace Pilot.Shared.Parents.OwnPage;

/// <summary>
/// The page a parent opens from their link (<c>/api/p/{token}</c>) and the office console's page for one parent
/// (<c>/api/office/parents/{id}</c>): the same form, the same <see cref="ParentPreferences"/> behind both. The parent
/// also sees their upcoming appointments.
/// </summary>
public sealed class ParentPages(ParentPreferences preferences, ParentAppointments appointments, VenueStore venues)
{
    public const string Template = "parent";

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The form as stored, for a page opened afresh.</summary>
    public static ParentPageForm StoredForm(ParentEntity parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var search = ParentPreferencesView.Search(parent);
        return ParentPageForm.From(ParentPreferencesView.Of(parent), search is null ? null : PatternText.Read(search.Availability));
    }

    /// <summary>The parent's own change, through their link.</summary>
    public Task<IReadOnlyList<FieldError>> ChangeByParentAsync(ParentEntity parent, ParentPageForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return ChangeAsync(form, request => preferences.ChangeAsync(parent.Id, _ => request, ParentPreferences.ParentLinkChannel, ct));
    }

    /// <summary>An office's change for one of its parents; another office's parent is not found.</summary>
    public Task<IReadOnlyList<FieldError>> ChangeByOfficeAsync(Caller caller, string id, ParentPageForm form, CancellationToken ct)
        => ChangeAsync(form, request => preferences.ChangeForOfficeAsync(caller, id, request, ct));

    /// <summary>
    /// The page's model. <paramref name="action"/>: where the form posts; <paramref name="forOffice"/>: the console's
    /// wording ("the parent") rather than the parent's own ("you").
    /// </summary>
    public async Task<IReadOnlyDictionary<string, object?>> ModelAsync(
        ParentEntity parent, ParentPageForm form, IReadOnlyList<FieldError> errors, string action, bool forOffice, bool saved, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(errors);
        var byField = errors.GroupBy(e => e.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Message, StringComparer.Ordinal);
        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["for_office"] = forOffice,
            ["action"] = action,
            ["saved"] = saved,
            ["first_name"] = parent.FirstName,
            ["full_name"] = parent.FullName,
            ["stopped"] = parent.OptedOutAt is not null,
            ["appointments"] = forOffice ? new List<object?>() : await AppointmentsAsync(parent.Id, ct),
            ["preferredLanguage"] = form.PreferredLanguage,
            ["days"] = ParentPageForm.DayFields.Select(d => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["key"] = d.Key,
                ["name"] = d.Name,
                ["from"] = form.Days.GetValueOrDefault(d.Key).From,
                ["to"] = form.Days.GetValueOrDefault(d.Key).To,
                ["from_error"] = byField.GetValueOrDefault(d.Key + "-from"),
                ["to_error"] = byField.GetValueOrDefault(d.Key + "-to"),
            }).ToList(),
            ["termTimeOnly"] = form.TermTimeOnly,
            ["maxTravelKm"] = form.MaxTravelKm,
            ["travelMode"] = form.TravelMode,
            ["interests"] = form.Interests,
            ["minHoursPerWeek"] = form.MinHoursPerWeek,
            ["maxHoursPerWeek"] = form.MaxHoursPerWeek,
            ["acceptUnknownHours"] = form.AcceptUnknownHours,
            ["alertsOptIn"] = form.AlertsOptIn,
            ["alertsMaxPerWeek"] = form.AlertsMaxPerWeek,
            ["alertsMode"] = form.AlertsMode,
        };
        foreach (var field in new[] { "preferredLanguage", "maxTravelKm", "travelMode", "interests", "minHoursPerWeek", "maxHoursPerWeek", "alertsOptIn", "alertsMaxPerWeek", "alertsMode" })
        {
            model[field + "_error"] = byField.GetValueOrDefault(field);
        }

        model["hours_error"] = errors.Any(e => e.Field.EndsWith("-from", StringComparison.Ordinal) || e.Field.EndsWith("-to", StringComparison.Ordinal));
        return model;
    }

    /// <summary>The page's errors: numbers that could not be read, then what the validator refused on the other fields. None: stored.</summary>
    private static async Task<IReadOnlyList<FieldError>> ChangeAsync(ParentPageForm form, Func<ParentChangeRequest, Task<Outcome<ParentPreferencesView>>> change)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (request, unreadable) = form.ToRequest();
        if (unreadable.Count > 0)
        {
            // Nothing is stored while a number cannot be read; the other fields are still checked, so every problem shows at once.
            var others = JobSearchErrors(request).Where(e => unreadable.All(u => u.Field != e.Field));
            return [.. unreadable.Concat(others).Select(form.ForPage)];
        }

        var outcome = await change(request);
        return outcome.Kind switch
        {
            OutcomeKind.Ok => [],
            OutcomeKind.Invalid => [.. outcome.Errors.Select(form.ForPage)],
            _ => [new FieldError("preferredLanguage", outcome.Detail ?? "The change could not be made: try again")],
        };
    }

    private static List<FieldError> JobSearchErrors(ParentChangeRequest request)
    {
        var errors = new List<FieldError>();
        PreferredLanguage.Check(request.PreferredLanguage, errors);
        Vacancies.Alerts.JobSearchValidation.Check(request.AsRegistration(), errors);
        return errors;
    }

    private async Task<List<object?>> AppointmentsAsync(string parentId, CancellationToken ct)
    {
        var all = await venues.AllAsync(ct);
        return [.. (await appointments.UpcomingAsync(parentId, ct)).Select(a => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["what"] = a.Kind switch
            {
                AppointmentKinds.Wfi => "Work-Focused Interview",
                AppointmentKinds.Course => "Course session",
                _ => "Appointment with your Jobcentre Plus adviser",
            },
            ["when"] = LondonTime.ToLocal(a.StartsAt).ToString("dddd d MMMM yyyy 'at' HH:mm", English),
            ["where"] = all.GetValueOrDefault(a.VenueId) is { } venue ? $"{venue.Name}, {string.Join(", ", venue.AddressLines)}, {venue.Postcode}" : "",
            ["phone"] = all.GetValueOrDefault(a.VenueId)?.Phone ?? "",
        })];
    }
}

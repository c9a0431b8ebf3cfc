using Pilot.Shared.Access;
using Pilot.Shared.Validation;
using Pilot.Shared.Venues;

namespace Pilot.Shared.Appointments.Console;

/// <summary>
/// The office console's "book an appointment" page (<c>/api/office/appointments/new</c>): one of the office's parents,
/// named by their reference as the API names them, booked through <see cref="AppointmentBooking"/> as
/// <c>POST /api/appointments</c> books, so the same checks refuse the same things.
/// </summary>
public sealed class NewAppointmentPage(AppointmentBooking booking, VenueStore venues)
{
    public const string Path = "/api/office/appointments/new";

    public async Task<Outcome<AppointmentBooked>> BookAsync(Caller office, NewAppointmentForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<FieldError>();
        var startsAt = form.When.ToStartsAt(errors);
        var booked = await booking.BookAsync(office, new BookAppointmentRequest(form.ParentId, form.VenueId, startsAt, form.Kind, form.AdviserName), ct);
        if (booked.Kind == OutcomeKind.Invalid || errors.Count > 0)
        {
            // The page's refusals and the service's together, so every field is reported at once.
            return Outcome<AppointmentBooked>.Invalid(AppointmentFormErrors.Merge(errors, booked.Errors));
        }

        return booked;
    }

    /// <summary>The form, with what was entered and the message by each refused field.</summary>
    public async Task<IReadOnlyDictionary<string, object?>> BuildAsync(Caller office, NewAppointmentForm entered, IReadOnlyList<FieldError> errors, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(office);
        ArgumentNullException.ThrowIfNull(entered);
        ArgumentNullException.ThrowIfNull(errors);
        var all = await venues.AllAsync(ct);
        var home = office.OfficeId is { } officeId ? all.GetValueOrDefault(officeId)?.LocalAuthority : null;
        var open = all.Values.Where(v => !v.Retired).ToList();
        var groups = open
            .GroupBy(v => v.LocalAuthority, StringComparer.Ordinal)
            .OrderBy(g => g.Key == home ? 0 : 1)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["label"] = g.Key,
                ["venues"] = g.OrderBy(v => v.Kind == VenueKinds.Centre ? 0 : 1).ThenBy(v => v.Name, StringComparer.Ordinal)
                    .Select(v => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
                    {
                        ["id"] = v.Id,
                        ["name"] = v.Name,
                        ["selected"] = v.Id == entered.VenueId,
                    }).ToList(),
            }).ToList();
        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["parent_id"] = entered.ParentId,
            ["adviser_name"] = entered.AdviserName,
            ["day"] = entered.When.Day,
            ["month"] = entered.When.Month,
            ["year"] = entered.When.Year,
            ["time"] = entered.When.Time,
            ["venue_groups"] = groups,
            ["no_venue"] = !open.Any(v => v.Id == entered.VenueId),
            ["kinds"] = new[] { AppointmentKinds.Adviser, AppointmentKinds.Course, AppointmentKinds.Wfi }
                .Select((k, i) => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["value"] = k,
                    ["id"] = i == 0 ? "kind" : "kind-" + k,
                    ["text"] = AppointmentWords.Kind(k),
                    ["checked"] = k == entered.Kind,
                }).ToList(),
        };
        foreach (var error in errors)
        {
            model.TryAdd($"{error.Field}_error", error.Message);
        }

        return model;
    }
}

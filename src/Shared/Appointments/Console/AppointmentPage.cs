using Pilot.Shared.Access;
using Pilot.Shared.Parents;
using Pilot.Shared.Validation;
using Pilot.Shared.Venues;

namespace Pilot.Shared.Appointments.Console;

/// <summary>
/// The office console's page for one appointment (<c>/api/office/appointments/{id}</c>): when, where and with whom,
/// every text planned for it and where each is (so an adviser can say whether the reminder reached the parent), and,
/// for the office that owns it, the forms to move and cancel it. Reads and changes go through
/// <see cref="AppointmentBooking"/>, as the API's do, so another office's appointment is not found here either.
/// </summary>
public sealed class AppointmentPage(AppointmentBooking booking, ParentStore parents, VenueStore venues)
{
    public const string Move = "move";
    public const string Cancel = "cancel";
    public const string Booked = "booked";

    public async Task<(Outcome<AppointmentView> Appointment, IReadOnlyDictionary<string, object?>? Model)> BuildAsync(Caller caller, string id, string? done, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var found = await booking.GetAsync(caller, id, ct);
        if (!found.IsOk)
        {
            return (found, null);
        }

        var appointment = found.Value!;
        var parent = await parents.GetAsync(appointment.ParentId, ct);
        var venue = await venues.GetAsync(appointment.VenueId, ct);
        var booked = appointment.Status == AppointmentStatuses.Booked;
        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = appointment.Id,
            ["parent"] = parent?.FullName ?? "(not on record)",
            ["parent_id"] = appointment.ParentId,
            ["kind"] = AppointmentWords.Kind(appointment.Kind),
            ["when"] = AppointmentWords.When(appointment.StartsAt),
            ["venue"] = venue?.Name ?? appointment.VenueId,
            ["adviser"] = appointment.AdviserName,
            ["status"] = booked ? "Booked" : "Cancelled",
            ["cancelled"] = !booked,
            ["no_texts_reason"] = parent is { MayReceiveReminders: false }
                ? "The parent has not agreed to reminders or has texted STOP, so no texts are planned for them."
                : null,
            ["texts"] = appointment.Texts.Select(t => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["kind"] = AppointmentWords.TextKind(t.Kind),
                ["code"] = t.Kind,
                ["earlier"] = t.AppointmentVersion < appointment.Version,
                ["version"] = t.AppointmentVersion,
                ["due"] = AppointmentWords.When(t.DueAt),
                ["state"] = AppointmentWords.TextState(t),
                ["state_code"] = t.State,
                ["tag"] = AppointmentWords.TextStateTag(t.State),
                ["sent"] = t.SentAt is { } sent ? AppointmentWords.When(sent) : null,
                ["completed"] = t.CompletedAt is { } completed ? AppointmentWords.When(completed) : null,
                ["provider"] = t.Provider,
            }).ToList(),
            // Found for an office only when it is that office's own (the booking service's fence); central only reads.
            ["can_change"] = booked && caller.OfficeId is not null,
            ["done"] = done switch
            {
                Booked => "The appointment is booked. The texts planned for it are below.",
                Move => "The appointment is moved. The parent will be told the new time, and the reminders are planned again.",
                Cancel => "The appointment is cancelled. The parent will be told, and no more reminders will be sent.",
                _ => null,
            },
        };
        return (found, model);
    }

    /// <summary>One of the office's actions, from the posted form; <see cref="AppointmentBooking"/> validates and refuses as for the API.</summary>
    public async Task<Outcome<AppointmentView>> ActAsync(Caller caller, string id, string? action, AppointmentTimeForm when, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(when);
        switch (action)
        {
            case Cancel:
                return await booking.CancelAsync(caller, id, ct);
            case Move:
                var errors = new List<FieldError>();
                var startsAt = when.ToStartsAt(errors);
                if (startsAt is null)
                {
                    return Outcome<AppointmentView>.Invalid(errors);
                }

                var moved = await booking.RescheduleAsync(caller, id, new RescheduleAppointmentRequest(startsAt), ct);
                return moved.Kind == OutcomeKind.Invalid ? Outcome<AppointmentView>.Invalid([.. moved.Errors.Select(AppointmentFormErrors.Sentence)]) : moved;
            default:
                return Outcome<AppointmentView>.Invalid("action", "Choose to move or to cancel the appointment");
        }
    }
}

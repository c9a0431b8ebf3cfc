using System.Globalization;
using Microsoft.Extensions.Logging;
using Pilot.Shared.Access;
using Pilot.Shared.Appointments;
using Pilot.Shared.Validation;

namespace Pilot.Shared.WfiInvitations.Choosing;

/// <summary>
/// Turns a parent's answer into a booked WFI through <see cref="AppointmentBooking"/>, so the usual
/// confirmation and reminders follow. The appointment for the n-th booking of an invitation has the
/// id <c>{invitation id}-{n}</c>: a retry after a crash finds it booked instead of booking twice.
/// A change of mind books the new option first, records it, then cancels the old appointment.
/// </summary>
public sealed class WfiChoices(WfiInvitationStore store, AppointmentBooking booking, AppointmentStore appointments, TimeProvider time, ILogger<WfiChoices> logger)
{
    private const int MaxConcurrencyRetries = 5;

    public Task<WfiChoiceResult> ChooseAsync(WfiInvitationEntity invitation, string option, string method, CancellationToken ct)
        => ChooseAsync(invitation, option, method, linkUse: null, ct);

    /// <summary>A choice made through a web link with this use number: refused as <see cref="WfiChoiceResultKind.LinkUsed"/> once another web choice came first.</summary>
    public Task<WfiChoiceResult> ChooseOnWebAsync(WfiInvitationEntity invitation, string option, int linkUse, CancellationToken ct)
        => ChooseAsync(invitation, option, WfiChoiceMethods.Web, linkUse, ct);

    private async Task<WfiChoiceResult> ChooseAsync(WfiInvitationEntity invitation, string option, string method, int? linkUse, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            var now = time.GetUtcNow();
            var isDefault = method == WfiChoiceMethods.Default;
            if (!WfiInvitationStatuses.IsOpen(invitation.Status) || (!isDefault && now >= RespondByDate.EndOf(invitation.RespondBy)))
            {
                return new WfiChoiceResult(WfiChoiceResultKind.Closed, invitation, ClosedReason(invitation, now));
            }

            if (linkUse is { } use && invitation.WebChoices != use)
            {
                return new WfiChoiceResult(WfiChoiceResultKind.LinkUsed, invitation, "this link was already used to choose");
            }

            if (invitation.Status == WfiInvitationStatuses.Chosen && invitation.Choice == option)
            {
                return new WfiChoiceResult(WfiChoiceResultKind.Unchanged, invitation, $"the {option} option was already chosen");
            }

            var previousAppointment = invitation.AppointmentId;
            var (venueId, startsAt) = option == WfiOptionKeys.Centre
                ? (invitation.CentreVenueId, invitation.CentreStartsAt)
                : (invitation.JobcentreVenueId, invitation.JobcentreStartsAt);
            var (number, failure) = await BookAsync(invitation, venueId, startsAt, ct);
            if (failure is not null)
            {
                logger.LogWarning("WFI invitation {InvitationId}: the {Option} option could not be booked: {Why}", invitation.Id, option, failure);
                return new WfiChoiceResult(WfiChoiceResultKind.Failed, invitation, $"the {option} interview could not be booked: {failure}");
            }

            var appointmentId = AppointmentIdFor(invitation, number);
            var bookingsBefore = invitation.Bookings;
            invitation.Status = isDefault ? WfiInvitationStatuses.Defaulted : WfiInvitationStatuses.Chosen;
            invitation.Choice = option;
            invitation.ChoiceMethod = method;
            invitation.ChosenAt = now;
            invitation.Bookings = number;
            invitation.AppointmentId = appointmentId;
            if (linkUse is not null)
            {
                invitation.WebChoices++;
            }

            if (!await store.TryReplaceAsync(invitation, ct))
            {
                // Changed meanwhile (often just the letter job moving on). If nobody else booked, the next
                // attempt finds this appointment and uses it; if someone did, this one is withdrawn.
                invitation = await store.GetAsync(invitation.OfficeId, invitation.Id, ct) ?? invitation;
                if (invitation.Bookings != bookingsBefore)
                {
                    await booking.CancelAsync(Caller.Office(invitation.OfficeId), appointmentId, ct);
                }

                continue;
            }

            if (previousAppointment is not null)
            {
                await booking.CancelAsync(Caller.Office(invitation.OfficeId), previousAppointment, ct);
            }

            await store.CloseAsync(invitation, ct);
            logger.LogInformation("WFI invitation {InvitationId}: {Option} booked ({Method}) as appointment {AppointmentId}", invitation.Id, option, method, appointmentId);
            return new WfiChoiceResult(WfiChoiceResultKind.Booked, invitation, $"the {option} option is booked");
        }

        return new WfiChoiceResult(WfiChoiceResultKind.Failed, invitation, "the invitation kept changing; try again");
    }

    /// <summary>
    /// Books the option as appointment <c>{id}-{n}</c>, n from the invitation's booking count plus one:
    /// an appointment already there for the same venue and time (left by an attempt that crashed or lost
    /// a race) is taken as it is; one that differs moves n on.
    /// </summary>
    private async Task<(int Number, string? Failure)> BookAsync(WfiInvitationEntity invitation, string venueId, DateTimeOffset startsAt, CancellationToken ct)
    {
        for (var number = invitation.Bookings + 1; number <= invitation.Bookings + MaxConcurrencyRetries; number++)
        {
            var id = AppointmentIdFor(invitation, number);
            if (await appointments.GetAsync(id, ct) is { } existing)
            {
                if (existing.Status == AppointmentStatuses.Booked && existing.VenueId == venueId && existing.StartsAt == startsAt)
                {
                    return (number, null);
                }

                continue;
            }

            var booked = await booking.BookAsync(
                Caller.Office(invitation.OfficeId),
                new BookAppointmentRequest(invitation.ParentId, venueId, startsAt.ToString("O", CultureInfo.InvariantCulture), AppointmentKinds.Wfi, null),
                id,
                ct);
            if (booked.Kind == OutcomeKind.Ok)
            {
                return (number, null);
            }

            if (booked.Kind != OutcomeKind.Conflict)
            {
                return (0, booked.Detail ?? string.Join("; ", booked.Errors.Select(e => $"{e.Field} {e.Message}")));
            }
        }

        return (0, "the appointment kept changing");
    }

    private static string AppointmentIdFor(WfiInvitationEntity invitation, int number) => $"{invitation.Id}-{number}";

    public async Task<Outcome<WfiInvitationView>> CancelAsync(WfiInvitationEntity invitation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            if (invitation.Status == WfiInvitationStatuses.Cancelled)
            {
                return Outcome<WfiInvitationView>.Ok(WfiInvitationView.From(invitation));
            }

            if (invitation.Status == WfiInvitationStatuses.Defaulted)
            {
                return Outcome<WfiInvitationView>.Conflict("the invitation has defaulted to the Jobcentre; cancel or move the appointment instead");
            }

            invitation.Status = WfiInvitationStatuses.Cancelled;
            invitation.CancelledAt = time.GetUtcNow();
            if (await store.TryReplaceAsync(invitation, ct))
            {
                if (invitation.AppointmentId is not null)
                {
                    await booking.CancelAsync(Caller.Office(invitation.OfficeId), invitation.AppointmentId, ct);
                }

                await store.CloseAsync(invitation, ct);
                logger.LogInformation("WFI invitation {InvitationId} cancelled", invitation.Id);
                return Outcome<WfiInvitationView>.Ok(WfiInvitationView.From(invitation));
            }

            invitation = await store.GetAsync(invitation.OfficeId, invitation.Id, ct) ?? invitation;
        }

        return Outcome<WfiInvitationView>.Conflict("the invitation is being changed; try again");
    }

    private static string ClosedReason(WfiInvitationEntity invitation, DateTimeOffset now) => invitation.Status switch
    {
        WfiInvitationStatuses.Cancelled => "the invitation was cancelled",
        WfiInvitationStatuses.Defaulted => "no answer came by the reply date, so the Jobcentre was booked",
        _ when now >= RespondByDate.EndOf(invitation.RespondBy) => "the reply date has passed",
        _ => "the invitation takes no more answers",
    };
}

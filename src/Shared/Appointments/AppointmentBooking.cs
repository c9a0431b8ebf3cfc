using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pilot.Shared.Access;
using Pilot.Shared.Parents;
using Pilot.Shared.Reminders;
using Pilot.Shared.Reminders.Planning;
using Pilot.Shared.Sms;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Time;
using Pilot.Shared.Validation;
using Pilot.Shared.Venues;

namespace Pilot.Shared.Appointments;

/// <summary>
/// Books, moves and cancels appointments and keeps their texts in step: planned texts are written
/// before the appointment that refers to them, so a crash leaves at most orphan texts, which the
/// sender cancels, never an appointment with texts missing.
/// </summary>
public sealed class AppointmentBooking(
    AppointmentStore appointments,
    ParentStore parents,
    VenueStore venues,
    TextStore texts,
    SendQueueWriter queue,
    IOptions<ReminderOptions> reminderOptions,
    IOptions<SmsOptions> smsOptions,
    TimeProvider time,
    ILogger<AppointmentBooking> logger)
{
    private const int MaxConcurrencyRetries = 5;

    /// <summary>Books for one of the office's own parents; the office owns the appointment (another office's parent is "no parent").</summary>
    public Task<Outcome<AppointmentBooked>> BookAsync(Caller office, BookAppointmentRequest? request, CancellationToken ct)
        => BookAsync(office, request, ParentRegistration.NewId(), ct);

    /// <summary>With a known id: used by the demo seeder, whose appointments keep fixed ids.</summary>
    internal async Task<Outcome<AppointmentBooked>> BookAsync(Caller office, BookAppointmentRequest? request, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(office);
        if (office.OfficeId is null)
        {
            throw new InvalidOperationException($"Only an office books appointments, not {office.Principal}.");
        }

        if (request is null)
        {
            return Outcome<AppointmentBooked>.Invalid("body", "a JSON object is required");
        }

        var now = time.GetUtcNow();
        var errors = new List<FieldError>();
        var parentId = TextField.Check(request.ParentId, "parentId", 64, errors);
        var venueId = TextField.Check(request.VenueId, "venueId", 64, errors);
        var adviserName = TextField.Check(request.AdviserName, "adviserName", 40, errors, required: false);
        if (!AppointmentKinds.IsValid(request.Kind))
        {
            errors.Add(new FieldError("kind", "must be wfi, adviser or course"));
        }

        var startsAt = CheckStartsAt(request.StartsAt, now, errors);
        var parent = parentId is null ? null : await parents.GetAsync(parentId, ct);
        if (parent is not null && !office.CanChange(parent.OfficeId))
        {
            parent = null;
        }

        if (parentId is not null && parent is null)
        {
            errors.Add(new FieldError("parentId", "no parent has this id"));
        }

        var venue = venueId is null ? null : await venues.GetAsync(venueId, ct);
        if (venueId is not null && venue is null)
        {
            errors.Add(new FieldError("venueId", "no venue has this id (see GET /api/venues)"));
        }
        else if (venue is not null)
        {
            CheckVenueOpen(venue, startsAt, errors);
        }

        if (errors.Count > 0 || parent is null || venue is null || startsAt is null)
        {
            return Outcome<AppointmentBooked>.Invalid(errors);
        }

        var appointment = new AppointmentEntity
        {
            Id = id,
            OfficeId = office.OfficeId,
            ParentId = parent.Id,
            VenueId = venue.Id,
            Kind = request.Kind!,
            StartsAt = startsAt.Value,
            AdviserName = adviserName,
            BookedAt = now,
        };
        var plan = parent.MayReceiveReminders
            ? ReminderPlanner.PlanBooking(startsAt.Value, now, reminderOptions.Value.Schedule(), smsOptions.Value.QuietHours())
            : [];
        var planned = await WriteTextsAsync(appointment, plan, now, ct);
        if (!await appointments.TryAddAsync(appointment, ct))
        {
            return Outcome<AppointmentBooked>.Conflict($"appointment {appointment.Id} already exists");
        }

        await QueueDueNowAsync(planned, now, ct);
        if (parent.LastVenueId != venue.Id)
        {
            // Best effort (ETag-checked, never retried): it only picks the phone number a reply to an
            // unread inbound text names; a parent changed meanwhile (an opt-out) keeps that change.
            parent.LastVenueId = venue.Id;
            _ = await parents.TryReplaceAsync(parent, ct);
        }

        logger.LogInformation("Booked appointment {AppointmentId} ({Kind}) for parent {ParentId}: {Count} text(s) planned", appointment.Id, appointment.Kind, parent.Id, plan.Count);
        return Outcome<AppointmentBooked>.Ok(new AppointmentBooked(appointment.Id, [.. plan.Select(p => new PlannedTextView(p.Kind, p.DueAt))]));
    }

    public async Task<Outcome<AppointmentView>> RescheduleAsync(Caller caller, string appointmentId, RescheduleAppointmentRequest? request, CancellationToken ct)
    {
        if (request is null)
        {
            return Outcome<AppointmentView>.Invalid("body", "a JSON object is required");
        }

        var errors = new List<FieldError>();
        var startsAt = CheckStartsAt(request.StartsAt, time.GetUtcNow(), errors);
        if (startsAt is null)
        {
            return Outcome<AppointmentView>.Invalid(errors);
        }

        return await ChangeAsync(caller, appointmentId, startsAt.Value, cancel: false, ct);
    }

    /// <summary>Cancels an appointment of the caller's office (a WFI invitation's office cancels the interview it booked).</summary>
    public Task<Outcome<AppointmentView>> CancelAsync(Caller caller, string appointmentId, CancellationToken ct)
        => ChangeAsync(caller, appointmentId, null, cancel: true, ct);

    public async Task<Outcome<AppointmentView>> GetAsync(Caller caller, string appointmentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var appointment = await appointments.GetAsync(appointmentId, ct);
        return appointment is null || !caller.CanRead(appointment.OfficeId)
            ? Outcome<AppointmentView>.NotFound($"no appointment has id {appointmentId}")
            : Outcome<AppointmentView>.Ok(await ViewAsync(appointment, ct));
    }

    private async Task<Outcome<AppointmentView>> ChangeAsync(Caller caller, string appointmentId, DateTimeOffset? newStartsAt, bool cancel, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            var appointment = await appointments.GetAsync(appointmentId, ct);
            if (appointment is null || !caller.CanChange(appointment.OfficeId))
            {
                return Outcome<AppointmentView>.NotFound($"no appointment has id {appointmentId}");
            }

            if (appointment.Status == AppointmentStatuses.Cancelled)
            {
                return cancel
                    ? Outcome<AppointmentView>.Ok(await ViewAsync(appointment, ct))
                    : Outcome<AppointmentView>.Conflict("the appointment is cancelled; book a new one instead");
            }

            if (!cancel)
            {
                var errors = new List<FieldError>();
                var venue = await venues.GetAsync(appointment.VenueId, ct);
                if (venue is not null)
                {
                    CheckVenueOpen(venue, newStartsAt, errors);
                }

                if (errors.Count > 0)
                {
                    return Outcome<AppointmentView>.Invalid(errors);
                }
            }

            var now = time.GetUtcNow();
            var parent = await parents.GetAsync(appointment.ParentId, ct);
            var reason = cancel ? "appointment-cancelled" : "appointment-rescheduled";
            var quiet = smsOptions.Value.QuietHours();
            var oldVersion = appointment.Version;
            appointment.Version++;
            if (cancel)
            {
                appointment.Status = AppointmentStatuses.Cancelled;
            }
            else
            {
                appointment.PreviousStartsAt = appointment.StartsAt;
                appointment.StartsAt = newStartsAt!.Value;
            }

            IReadOnlyList<PlannedText> plan = parent is { MayReceiveReminders: true }
                ? cancel
                    ? ReminderPlanner.PlanCancellation(appointment.StartsAt, now, quiet)
                    : ReminderPlanner.PlanReschedule(appointment.StartsAt, now, reminderOptions.Value.Schedule(), quiet)
                : [];
            var oldRefs = appointment.GetTextRefs();
            var planned = await WriteTextsAsync(appointment, plan, now, ct);
            if (!await appointments.TryReplaceAsync(appointment, ct))
            {
                // Someone changed the appointment meanwhile: withdraw this attempt's texts and start again.
                foreach (var text in planned)
                {
                    await CancelTextAsync(text, "superseded", now, ct);
                }

                continue;
            }

            foreach (var reference in oldRefs)
            {
                if (await texts.GetAsync(reference, ct) is { } old && old.AppointmentVersion == oldVersion)
                {
                    await CancelTextAsync(old, reason, now, ct);
                }
            }

            await QueueDueNowAsync(planned, now, ct);
            logger.LogInformation("Appointment {AppointmentId} {Change}: {Count} new text(s) planned", appointment.Id, cancel ? "cancelled" : "rescheduled", plan.Count);
            return Outcome<AppointmentView>.Ok(await ViewAsync(appointment, ct));
        }

        return Outcome<AppointmentView>.Conflict("the appointment is being changed by someone else; try again");
    }

    /// <summary>Cancels a text still pending; one already with the provider is left to finish.</summary>
    private async Task CancelTextAsync(TextEntity text, string reason, DateTimeOffset now, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxConcurrencyRetries && TextStates.IsPending(text.State); attempt++)
        {
            text.Cancel(reason, now);
            if (await texts.TryReplaceAsync(text, ct))
            {
                return;
            }

            text = await texts.GetAsync(new TextRef(text.PartitionKey, text.RowKey), ct) ?? text;
        }
    }

    /// <summary>
    /// Texts due already (a confirmation) go straight to the queue and are then marked queued (only if still
    /// scheduled, by their ETag), so the dispatch tick does not queue them a second time; a crash in between
    /// leaves them scheduled for the tick, so nothing is lost.
    /// </summary>
    private async Task QueueDueNowAsync(List<TextEntity> planned, DateTimeOffset now, CancellationToken ct)
    {
        await queue.EnqueueDueNowAsync(planned, now, ct);
        foreach (var bucket in planned.Where(t => t.DueAt <= now && t.ETag != default).GroupBy(t => t.PartitionKey, StringComparer.Ordinal))
        {
            await texts.MarkQueuedAsync(bucket.Key, [.. bucket], now, ct);
        }
    }

    private async Task<List<TextEntity>> WriteTextsAsync(AppointmentEntity appointment, IReadOnlyList<PlannedText> plan, DateTimeOffset now, CancellationToken ct)
    {
        var written = new List<TextEntity>();
        foreach (var item in plan)
        {
            var text = new TextEntity
            {
                PartitionKey = DueBuckets.For(item.DueAt),
                RowKey = TextEntity.IdFor(appointment.Id, appointment.Version, item.Kind),
                AppointmentId = appointment.Id,
                AppointmentVersion = appointment.Version,
                ParentId = appointment.ParentId,
                Kind = item.Kind,
                DueAt = item.DueAt,
                // The confirmation is what the person booking waits for: it goes on the interactive lane.
                Lane = item.Kind == TextKinds.Confirmation ? TextLanes.Interactive : null,
                RequestedAt = item.Kind == TextKinds.Confirmation ? now : null,
                State = TextStates.Scheduled,
                StateChangedAt = now,
            };
            await texts.AddAsync(text, ct);
            written.Add(text);
        }

        appointment.AddTextRefs(written.Select(t => new TextRef(t.PartitionKey, t.RowKey)));
        return written;
    }

    private async Task<AppointmentView> ViewAsync(AppointmentEntity appointment, CancellationToken ct)
    {
        var views = new List<TextView>();
        foreach (var reference in appointment.GetTextRefs())
        {
            if (await texts.GetAsync(reference, ct) is { } t)
            {
                views.Add(new TextView(t.RowKey, t.Kind, LondonTime.ToLocal(t.DueAt), t.State, t.AppointmentVersion, t.SentAt, t.CompletedAt, t.Provider, t.FailureReason, t.CancelReason));
            }
        }

        return new AppointmentView(
            appointment.Id,
            appointment.ParentId,
            appointment.VenueId,
            appointment.Kind,
            LondonTime.ToLocal(appointment.StartsAt),
            appointment.AdviserName,
            appointment.Status,
            appointment.Version,
            [.. views.OrderBy(v => v.DueAt)]);
    }

    /// <summary>A retired venue takes no new bookings; the start must be when the venue is open (<see cref="VenueHours"/>).</summary>
    private static void CheckVenueOpen(Venue venue, DateTimeOffset? startsAt, List<FieldError> errors)
    {
        if (venue.Retired)
        {
            errors.Add(new FieldError("venueId", $"{venue.Name} is retired (closed): choose another venue"));
        }
        else if (startsAt is { } at && VenueHours.Refusal(venue, at) is { } closed)
        {
            errors.Add(new FieldError("startsAt", closed));
        }
    }

    private static DateTimeOffset? CheckStartsAt(string? value, DateTimeOffset now, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError("startsAt", "is required"));
            return null;
        }

        if (!Iso8601.TryParseWithOffset(value, out var startsAt))
        {
            errors.Add(new FieldError("startsAt", "must be an ISO 8601 date and time with an offset, e.g. 2026-03-03T10:30:00+00:00"));
            return null;
        }

        if (!DateBounds.Near(now).Contains(startsAt))
        {
            errors.Add(DateBounds.Near(now).Refusal("startsAt"));
            return null;
        }

        if (startsAt <= now)
        {
            errors.Add(new FieldError("startsAt", "must be in the future"));
            return null;
        }

        if (startsAt > now.AddYears(1))
        {
            errors.Add(new FieldError("startsAt", "must be within a year"));
            return null;
        }

        return startsAt.ToUniversalTime();
    }
}

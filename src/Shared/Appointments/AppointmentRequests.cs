namespace Pilot.Shared.Appointments;

/// <summary>The body of <c>POST /api/appointments</c>.</summary>
public sealed record BookAppointmentRequest(string? ParentId, string? VenueId, string? StartsAt, string? Kind, string? AdviserName);

/// <summary>The body of <c>POST /api/appointments/{id}/reschedule</c>.</summary>
public sealed record RescheduleAppointmentRequest(string? StartsAt);

public sealed record PlannedTextView(string Kind, DateTimeOffset DueAt);

/// <summary>The answer to a booking: the id and every text planned (confirmation and reminders).</summary>
public sealed record AppointmentBooked(string Id, IReadOnlyList<PlannedTextView> Reminders);

public sealed record TextView(
    string Id,
    string Kind,
    DateTimeOffset DueAt,
    string State,
    int AppointmentVersion,
    DateTimeOffset? SentAt,
    DateTimeOffset? CompletedAt,
    string? Provider,
    string? FailureReason,
    string? CancelReason);

public sealed record AppointmentView(
    string Id,
    string ParentId,
    string VenueId,
    string Kind,
    DateTimeOffset StartsAt,
    string? AdviserName,
    string Status,
    int Version,
    IReadOnlyList<TextView> Texts);

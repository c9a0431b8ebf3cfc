namespace Pilot.Shared.Reminders.Templates;

/// <summary>What a text about one appointment needs to say.</summary>
/// <param name="AppointmentKind">"wfi", "adviser" or "course"; anything else is called an appointment.</param>
/// <param name="PreviousStartsAt">For a rescheduled notice, the time it moved from.</param>
public sealed record ReminderTextModel(
    string FirstName,
    string AppointmentKind,
    DateTimeOffset StartsAt,
    string VenueName,
    string VenuePhone,
    string? AdviserName,
    DateTimeOffset? PreviousStartsAt = null)
{
    /// <summary>
    /// When the text will actually go, if known. Reminders then say "today" or "tomorrow" from the
    /// real send date; without it the words follow the reminder's kind, which is wrong only when
    /// quiet hours moved the reminder to the previous evening.
    /// </summary>
    public DateTimeOffset? SendAt { get; init; }
}

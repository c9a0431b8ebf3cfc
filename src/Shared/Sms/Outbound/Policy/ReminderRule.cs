using Pilot.Shared.Appointments;
using Pilot.Shared.Reminders.Planning;
using Pilot.Shared.Reminders.Templates;

namespace Pilot.Shared.Sms.Outbound.Policy;

/// <summary>
/// Texts about an appointment (confirmation, reminders, rescheduled, cancelled): the appointment must still be the
/// version the text was planned for, not cancelled (unless this is the cancellation), not started, and the parent must
/// still take reminders. A reminder that quiet hours would push past the start is not sent at all.
/// </summary>
public sealed class ReminderRule : ITextRule
{
    public bool Covers(string kind) => kind is TextKinds.Confirmation or TextKinds.Rescheduled or TextKinds.Cancelled || TextKinds.IsReminder(kind);

    public bool KeepsQuietHours => true;

    public bool MayGoOverCap => false;

    public string NothingLeft => "nothing-to-say";

    public string? WhyNot(SendFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var (text, appointment, parent) = (facts.Text, facts.Appointment, facts.Parent);
        if (appointment is null)
        {
            return "appointment-missing";
        }

        if (appointment.Version != text.AppointmentVersion)
        {
            return "appointment-rescheduled";
        }

        if (appointment.Status == AppointmentStatuses.Cancelled && text.Kind != TextKinds.Cancelled)
        {
            return "appointment-cancelled";
        }

        if (parent is null || !parent.MayReceiveReminders)
        {
            return "no-consent";
        }

        return text.Kind != TextKinds.Cancelled && facts.Now >= appointment.StartsAt ? "appointment-started" : null;
    }

    public string? WhyNotAfterQuietHours(SendFacts facts, DateTimeOffset quietEnd)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.Text.Kind != TextKinds.Cancelled && quietEnd >= facts.Appointment!.StartsAt ? "quiet-hours-until-start" : null;
    }

    public string? Compose(SendFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var (appointment, parent, venue) = (facts.Appointment!, facts.Parent!, facts.Venue);
        return ReminderTemplates.Render(facts.Text.Kind, new ReminderTextModel(
            parent.FirstName,
            appointment.Kind,
            appointment.StartsAt,
            venue?.Name ?? "your children's centre",
            venue?.Phone ?? "your children's centre",
            appointment.AdviserName,
            appointment.PreviousStartsAt)
        {
            // "today"/"tomorrow" must be true when the text actually goes, not when it was planned.
            SendAt = facts.Now,
        }, parent.PreferredLanguage);
    }
}

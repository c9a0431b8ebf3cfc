using System.Globalization;
using Pilot.Shared.Reminders;
using Pilot.Shared.Reminders.Planning;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Time;

namespace Pilot.Shared.Appointments.Console;

/// <summary>How the office console words an appointment and its texts for an adviser: the stored codes, in plain English.</summary>
public static class AppointmentWords
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Kind(string kind) => kind switch
    {
        AppointmentKinds.Adviser => "Adviser appointment",
        AppointmentKinds.Wfi => "Work-focused interview",
        AppointmentKinds.Course => "Course",
        _ => kind,
    };

    public static string TextKind(string kind)
    {
        if (TextKinds.TryParseReminder(kind, out var amount, out var isDays))
        {
            var unit = isDays ? "day" : "hour";
            return string.Create(English, $"Reminder {amount} {unit}{(amount == 1 ? "" : "s")} before");
        }

        return kind switch
        {
            TextKinds.Confirmation => "Confirmation",
            TextKinds.Rescheduled => "New time",
            TextKinds.Cancelled => "Cancellation",
            _ => kind,
        };
    }

    /// <summary>Where a text is, with the reason it failed or was not sent.</summary>
    public static string TextState(TextView text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.State switch
        {
            TextStates.Scheduled => "Planned",
            TextStates.Queued => "Queued to send",
            TextStates.Sending => "Sending",
            TextStates.Sent => "Sent, not yet delivered",
            TextStates.Delivered => "Delivered",
            TextStates.Failed => $"Failed: {Reason(text.FailureReason ?? "no reason given")}",
            TextStates.Cancelled => $"Not sent: {CancelReason(text.CancelReason)}",
            _ => text.State,
        };
    }

    /// <summary>The GOV.UK tag colour for a text's state.</summary>
    public static string TextStateTag(string state) => state switch
    {
        TextStates.Delivered => "govuk-tag--green",
        TextStates.Failed => "govuk-tag--red",
        TextStates.Cancelled => "govuk-tag--grey",
        TextStates.Scheduled => "govuk-tag--light-blue",
        _ => "govuk-tag--blue",
    };

    public static string When(DateTimeOffset at) => LondonTime.ToLocal(at).ToString("ddd d MMM yyyy, HH:mm", English);

    private static string CancelReason(string? reason) => reason switch
    {
        "appointment-rescheduled" => "the appointment was moved",
        "appointment-cancelled" => "the appointment was cancelled",
        "no-consent" => "the parent has not agreed to texts or has texted STOP",
        null => "withdrawn",
        _ => Reason(reason),
    };

    private static string Reason(string code) => code.Replace('-', ' ');
}

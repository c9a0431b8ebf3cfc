using Pilot.Shared.Validation;

namespace Pilot.Shared.Appointments.Console;

/// <summary>
/// <see cref="AppointmentBooking"/>'s refusals, which name API fields in API words ("startsAt": "must be in the
/// future"), as the sentences a GOV.UK error summary shows; the field stays the same, so each links to its input.
/// </summary>
public static class AppointmentFormErrors
{
    public static FieldError Sentence(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = error.Message;
        return new FieldError(error.Field, error.Field switch
        {
            "parentId" when message == "is required" => "Enter the parent's reference",
            "parentId" => "No parent of your office has this reference",
            "venueId" when message.StartsWith("no venue", StringComparison.Ordinal) => "Select where the appointment is",
            "kind" => "Select what the appointment is for",
            "startsAt" when message.StartsWith("must", StringComparison.Ordinal) => "The appointment " + message,
            "adviserName" => "The adviser's name " + message,
            _ => Capitalised(message),
        });
    }

    /// <summary>The page's own errors first, then the service's sentences for fields the page had no complaint about.</summary>
    public static IReadOnlyList<FieldError> Merge(IReadOnlyList<FieldError> page, IReadOnlyList<FieldError> service)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(service);
        var timeRefused = page.Any(e => e.Field is AppointmentTimeForm.DateField or AppointmentTimeForm.TimeField);
        return [.. page, .. service.Where(e => !(timeRefused && e.Field == AppointmentTimeForm.DateField)).Select(Sentence)];
    }

    private static string Capitalised(string message) => message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..];
}

using System.Globalization;
using Pilot.Shared.Time;
using Pilot.Shared.Validation;

namespace Pilot.Shared.Appointments.Console;

/// <summary>
/// The date and time an adviser types on a page (the GOV.UK date input, and a 24-hour time), read as London time and
/// handed on as the API's <c>startsAt</c>, so <see cref="AppointmentBooking"/> checks it exactly as it checks the API's.
/// Only what the API could not be sent at all (no date, not a real date, not a time) is refused here.
/// </summary>
public sealed record AppointmentTimeForm(string? Day, string? Month, string? Year, string? Time)
{
    /// <summary>The field an error about the date names: the day box, which the error summary links to.</summary>
    public const string DateField = "startsAt";

    public const string TimeField = "startsAtTime";

    /// <returns>An ISO 8601 instant with London's offset, or null with the reasons in <paramref name="errors"/>.</returns>
    public string? ToStartsAt(List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var date = ReadDate(errors);
        var time = ReadTime(errors);
        if (date is null || time is null)
        {
            return null;
        }

        var at = LondonTime.FromLocal(date.Value.ToDateTime(time.Value));
        return at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    private DateOnly? ReadDate(List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year))
        {
            errors.Add(new FieldError(DateField, "Enter the date of the appointment"));
            return null;
        }

        if (Number(Day, 2) is { } day && Number(Month, 2) is { } month && Number(Year, 4) is { } year && year >= 1000
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            return new DateOnly(year, month, day);
        }

        errors.Add(new FieldError(DateField, "The date of the appointment must be a real date, like 27 3 2027"));
        return null;
    }

    private TimeOnly? ReadTime(List<FieldError> errors)
    {
        var text = Time?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors.Add(new FieldError(TimeField, "Enter the time of the appointment"));
            return null;
        }

        var parts = text.Split(':', '.');
        if (parts.Length == 2 && Number(parts[0], 2) is { } hour && hour < 24 && parts[1].Length == 2 && Number(parts[1], 2) is { } minute && minute < 60)
        {
            return new TimeOnly(hour, minute);
        }

        errors.Add(new FieldError(TimeField, "Enter the time on the 24-hour clock, like 09:30 or 14:00"));
        return null;
    }

    private static int? Number(string? text, int maxDigits)
    {
        var trimmed = text?.Trim() ?? "";
        return trimmed.Length > 0 && trimmed.Length <= maxDigits && int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }
}

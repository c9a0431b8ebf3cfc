using System.Collections.Frozen;

namespace Pilot.Shared.Sms.Templates;

/// <summary>
/// Every template a language file holds, and the placeholders each may use. A file must have all of
/// them; anything else in it is a mistake the loader refuses.
/// </summary>
public static class TemplateKeys
{
    public const string Confirmation = "confirmation";
    public const string ReminderDay = "reminder-day";
    public const string ReminderHours = "reminder-hours";
    public const string Rescheduled = "rescheduled";
    public const string Cancelled = "cancelled";
    public const string OptOutConfirmed = "opt-out-confirmed";
    public const string OptInConfirmed = "opt-in-confirmed";
    public const string UnknownReply = "unknown-reply";
    public const string WfiLetterComing = "wfi-letter-coming";
    public const string WfiChoiceBooked = "wfi-choice-booked";
    public const string WfiWhichLetter = "wfi-which-letter";
    public const string WfiChoiceClosed = "wfi-choice-closed";
    public const string WfiDefaulted = "wfi-defaulted";
    public const string VacancyAlert = "vacancy-alert";
    public const string VacancyDigestOne = "vacancy-digest-one";
    public const string VacancyDigest = "vacancy-digest";
    public const string VacancyDigestLine = "vacancy-digest-line";
    public const string JobsOffConfirmed = "jobs-off-confirmed";
    public const string JobsOnConfirmed = "jobs-on-confirmed";
    public const string ParentLink = "parent-link";

    /// <summary>The parent's first name.</summary>
    public const string FirstName = "firstName";

    /// <summary>The kind of appointment in full, with the adviser's name when known.</summary>
    public const string Appointment = "appointment";

    /// <summary>The kind of appointment in its shorter form, with the adviser's name when known.</summary>
    public const string AppointmentShort = "appointmentShort";

    /// <summary>The kind of appointment in its shorter form, without the adviser.</summary>
    public const string AppointmentAlone = "appointmentAlone";

    public const string When = "when";

    /// <summary>For a rescheduled notice, when it was before.</summary>
    public const string Previous = "previous";

    public const string Venue = "venue";

    /// <summary>The number to call: the venue's for appointment texts.</summary>
    public const string Phone = "phone";

    /// <summary>A WFI letter's reference, e.g. WFI-7KQ3F2.</summary>
    public const string Reference = "reference";

    /// <summary>The children's centre a WFI letter offers.</summary>
    public const string Centre = "centre";

    /// <summary>A vacancy's title, employer, area, hours as a parent reads them, distance in km, and how to apply.</summary>
    public const string Title = "title";

    public const string Employer = "employer";

    public const string Area = "area";

    public const string Hours = "hours";

    public const string Km = "km";

    public const string Apply = "apply";

    /// <summary>A digest's number of jobs, its numbered lines (each a rendered vacancy-digest-line) and how many more did not fit.</summary>
    public const string Count = "count";

    public const string Jobs = "jobs";

    public const string More = "more";

    /// <summary>A digest line's place in the list (1, 2, 3...).</summary>
    public const string Number = "number";

    /// <summary>A parent's own link (<c>/api/p/{token}</c>) and the day it stops working.</summary>
    public const string Link = "link";

    public const string Until = "until";

    private static readonly string[] VacancyPlaceholders = [Title, Employer, Area, Hours, Km, Apply];

    private static readonly string[] WfiPlaceholders = [FirstName, Reference, Venue, When, Phone, Centre];

    private static readonly string[] AppointmentPlaceholders = [FirstName, Appointment, AppointmentShort, AppointmentAlone, When, Venue, Phone];

    /// <summary>Each template key and the placeholders its variants may use.</summary>
    public static FrozenDictionary<string, FrozenSet<string>> Placeholders { get; } = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal)
    {
        [Confirmation] = AppointmentPlaceholders.ToFrozenSet(StringComparer.Ordinal),
        [ReminderDay] = AppointmentPlaceholders.ToFrozenSet(StringComparer.Ordinal),
        [ReminderHours] = AppointmentPlaceholders.ToFrozenSet(StringComparer.Ordinal),
        [Rescheduled] = AppointmentPlaceholders.Append(Previous).ToFrozenSet(StringComparer.Ordinal),
        [Cancelled] = AppointmentPlaceholders.ToFrozenSet(StringComparer.Ordinal),
        [OptOutConfirmed] = FrozenSet.Create(StringComparer.Ordinal, Phone),
        [OptInConfirmed] = FrozenSet.Create(StringComparer.Ordinal, Phone),
        [UnknownReply] = FrozenSet.Create(StringComparer.Ordinal, Phone),
        [WfiLetterComing] = WfiPlaceholders.ToFrozenSet(StringComparer.Ordinal),
        [WfiChoiceBooked] = WfiPlaceholders.ToFrozenSet(StringComparer.Ordinal),
        [WfiWhichLetter] = WfiPlaceholders.ToFrozenSet(StringComparer.Ordinal),
        [WfiChoiceClosed] = WfiPlaceholders.ToFrozenSet(StringComparer.Ordinal),
        [WfiDefaulted] = WfiPlaceholders.ToFrozenSet(StringComparer.Ordinal),
        [VacancyAlert] = VacancyPlaceholders.ToFrozenSet(StringComparer.Ordinal),
        [VacancyDigestOne] = FrozenSet.Create(StringComparer.Ordinal, Jobs),
        [VacancyDigest] = FrozenSet.Create(StringComparer.Ordinal, Count, Jobs, More),
        [VacancyDigestLine] = VacancyPlaceholders.Append(Number).ToFrozenSet(StringComparer.Ordinal),
        [JobsOffConfirmed] = FrozenSet.Create(StringComparer.Ordinal, Phone),
        [JobsOnConfirmed] = FrozenSet.Create(StringComparer.Ordinal, Phone),
        [ParentLink] = FrozenSet.Create(StringComparer.Ordinal, FirstName, Link, Until),
    }.ToFrozenDictionary(StringComparer.Ordinal);
}

using System.Globalization;
using Pilot.Shared.Reminders.Planning;
using Pilot.Shared.Sms;
using Pilot.Shared.Time;

namespace Pilot.Shared.Reminders.Templates;

/// <summary>
/// Writes the text for each kind of message about an appointment: who it is for, what, when
/// (London time), where and how to re-arrange, always in ONE SMS fragment. One fragment keeps
/// the cost per parent down and is shown whole on every phone, where a split text can arrive
/// out of order or in pieces.
/// </summary>
/// <remarks>
/// Wording is tried from fullest to shortest and the first that fits is sent: full wording,
/// then a shorter name for an adviser appointment, then terse wording, then without the adviser's
/// name, then with the venue cut back a word at a time. A single character outside GSM-7 (such as
/// "ł" or "ë") makes the whole text UCS-2, where one fragment is only 70 units, which no useful
/// reminder fits; so if nothing fits as written, names and venue are transliterated to their base
/// Latin letters ("Łucja" to "Lucja") and the same steps run again. Dropping the venue, then
/// shortening the first name, are last resorts that realistic names (up to 20 characters) and
/// venues (up to 60) never reach.
/// </remarks>
public static class ReminderTemplates
{
    private const int MaxFirstNameLength = 20;

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    private static readonly string[] TrailingFillerWords = ["and", "&", "of", "the", "at", "for", "in", "on", "-", "/"];

    private enum Message
    {
        Confirmation,
        Reminder,
        Rescheduled,
        Cancelled,
    }

    private enum Wording
    {
        Full,
        Terse,
    }

    public static string Render(string textKind, ReminderTextModel model)
    {
        ArgumentNullException.ThrowIfNull(textKind);
        ArgumentNullException.ThrowIfNull(model);

        var message = MessageFor(textKind);
        var draft = new Draft(
            message,
            model.AppointmentKind,
            When(message, textKind, model),
            model.PreviousStartsAt is { } previousStartsAt ? DayAndTime(previousStartsAt) : null);
        var written = Fields.From(model);
        var transliterated = written.ToGsm7();

        var attempts = Preferred(draft, written)
            .Concat(transliterated == written ? [] : Preferred(draft, transliterated))
            .Concat(LastResorts(draft, transliterated));
        foreach (var text in attempts)
        {
            var analysis = SmsText.Analyse(text);
            if (analysis.Fragments == 1)
            {
                return analysis.NormalisedText;
            }
        }

        throw new ArgumentException($"A {textKind} text cannot fit one SMS fragment even without the venue and name; is the venue phone number '{model.VenuePhone}' right?", nameof(model));
    }

    private static Message MessageFor(string textKind) => textKind switch
    {
        TextKinds.Confirmation => Message.Confirmation,
        TextKinds.Rescheduled => Message.Rescheduled,
        TextKinds.Cancelled => Message.Cancelled,
        _ when TextKinds.IsReminder(textKind) => Message.Reminder,
        _ => throw new ArgumentException($"Unknown text kind '{textKind}'.", nameof(textKind)),
    };

    /// <summary>
    /// Full wording, shorter adviser wording, terse wording (which also leaves out a rescheduled
    /// appointment's old time), no adviser name, then the venue cut back a word at a time.
    /// </summary>
    private static IEnumerable<string> Preferred(Draft draft, Fields fields)
    {
        yield return Compose(draft, Wording.Full, What(draft.AppointmentKind, fields.Adviser, shortForm: false), fields, fields.Venue);
        yield return Compose(draft, Wording.Full, What(draft.AppointmentKind, fields.Adviser, shortForm: true), fields, fields.Venue);
        yield return Compose(draft, Wording.Terse, What(draft.AppointmentKind, fields.Adviser, shortForm: true), fields, fields.Venue);

        var whatAlone = What(draft.AppointmentKind, adviser: null, shortForm: true);
        yield return Compose(draft, Wording.Terse, whatAlone, fields, fields.Venue);
        foreach (var venue in ShorterVenues(fields.Venue))
        {
            yield return Compose(draft, Wording.Terse, whatAlone, fields, venue);
        }
    }

    /// <summary>Only for inputs far beyond realistic lengths: no venue, then the first name cut down, then no name.</summary>
    private static IEnumerable<string> LastResorts(Draft draft, Fields fields)
    {
        var whatAlone = What(draft.AppointmentKind, adviser: null, shortForm: true);
        yield return Compose(draft, Wording.Terse, whatAlone, fields, venue: null);

        var firstWord = fields.FirstName.Split(' ', 2)[0];
        var shortName = firstWord.Length > MaxFirstNameLength ? firstWord[..MaxFirstNameLength] : firstWord;
        yield return Compose(draft, Wording.Terse, whatAlone, fields with { FirstName = shortName }, venue: null);
        yield return Compose(draft, Wording.Terse, whatAlone, fields with { FirstName = string.Empty }, venue: null);
    }

    private static string Compose(Draft draft, Wording wording, string what, Fields fields, string? venue)
    {
        var (when, previous) = (draft.When, draft.Previous);
        var hi = fields.FirstName.Length == 0 ? "Hi" : $"Hi {fields.FirstName}";
        var at = string.IsNullOrEmpty(venue) ? string.Empty : $" at {venue}";
        var rearrange = $"To re-arrange call {fields.Phone}.";
        var full = wording == Wording.Full;

        return draft.Message switch
        {
            Message.Confirmation when full => $"{hi}, your {what} is booked for {when}{at}. {rearrange}",
            Message.Confirmation => $"{hi}, {what} booked for {when}{at}. {rearrange}",
            Message.Reminder when full => $"{hi}, reminder: your {what} is {when}{at}. {rearrange}",
            Message.Reminder => $"{hi}, reminder: {what} {when}{at}. {rearrange}",
            Message.Rescheduled when full && previous is not null => $"{hi}, your {what} has moved from {previous} to {when}{at}. {rearrange}",
            Message.Rescheduled when full => $"{hi}, your {what} has moved to {when}{at}. {rearrange}",
            Message.Rescheduled => $"{hi}, {what} moved to {when}{at}. {rearrange}",
            Message.Cancelled when full => $"{hi}, your {what} on {when}{at} has been cancelled. To re-book call {fields.Phone}.",
            _ => $"{hi}, {what} on {when}{at} cancelled. To re-book call {fields.Phone}.",
        };
    }

    private static string What(string appointmentKind, string? adviser, bool shortForm)
    {
        var with = adviser is null ? string.Empty : $" with {adviser}";
        return appointmentKind.Trim().ToLowerInvariant() switch
        {
            // A WFI is mandatory and missing it has consequences, so it is never abbreviated.
            AppointmentKinds.Wfi => $"Work-Focused Interview{with}",
            AppointmentKinds.Adviser when !shortForm => adviser is null
                ? "appointment with your Jobcentre Plus adviser"
                : $"appointment with Jobcentre Plus adviser {adviser}",
            AppointmentKinds.Adviser => adviser is null ? "adviser appointment" : $"appointment with adviser {adviser}",
            AppointmentKinds.Course => $"course session{with}",
            _ => $"appointment{with}",
        };
    }

    private static string When(Message message, string textKind, ReminderTextModel model)
    {
        if (message != Message.Reminder)
        {
            return DayAndTime(model.StartsAt);
        }

        var start = LondonTime.ToLocal(model.StartsAt);
        var time = start.ToString("HH:mm", EnGb);

        // The day word is worked out from when the text goes: the real send time if known,
        // else the reminder's nominal time (days before, or start minus the hours).
        DateOnly sendDate;
        if (model.SendAt is { } sendAt)
        {
            sendDate = DateOnly.FromDateTime(LondonTime.ToLocal(sendAt).DateTime);
        }
        else
        {
            // MessageFor has already checked that textKind is a reminder kind.
            _ = TextKinds.TryParseReminder(textKind, out var amount, out var isDays);
            sendDate = isDays
                ? DateOnly.FromDateTime(start.DateTime).AddDays(-amount)
                : DateOnly.FromDateTime(LondonTime.ToLocal(model.StartsAt - TimeSpan.FromHours(amount)).DateTime);
        }

        var startDate = DateOnly.FromDateTime(start.DateTime);
        return (startDate.DayNumber - sendDate.DayNumber) switch
        {
            0 => $"today at {time}",
            1 => $"tomorrow at {time}",
            _ => DayAndTime(model.StartsAt),
        };
    }

    /// <summary>"Tue 3 Mar at 10:30" in London time, 24-hour clock.</summary>
    private static string DayAndTime(DateTimeOffset instant) =>
        LondonTime.ToLocal(instant).ToString("ddd d MMM 'at' HH:mm", EnGb);

    /// <summary>The venue cut back a word at a time, longest first, never leaving an open bracket or a dangling "and".</summary>
    private static IEnumerable<string> ShorterVenues(string venue)
    {
        var words = venue.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string? last = venue;
        for (var count = words.Length - 1; count >= 1; count--)
        {
            var candidate = Tidy(words[..count]);
            if (candidate.Length > 0 && candidate != last)
            {
                last = candidate;
                yield return candidate;
            }
        }
    }

    private static string Tidy(string[] words)
    {
        var text = string.Join(' ', words);
        var open = text.LastIndexOf('(');
        if (open >= 0 && text.IndexOf(')', open) < 0)
        {
            text = text[..open];
        }

        text = text.TrimEnd(' ', ',', ';', ':', '-', '(');
        var kept = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (kept.Count > 1 && TrailingFillerWords.Contains(kept[^1], StringComparer.OrdinalIgnoreCase))
        {
            kept.RemoveAt(kept.Count - 1);
        }

        return string.Join(' ', kept).TrimEnd(' ', ',', ';', ':', '-');
    }

    private sealed record Draft(Message Message, string AppointmentKind, string When, string? Previous);

    private sealed record Fields(string FirstName, string Venue, string Phone, string? Adviser)
    {
        public static Fields From(ReminderTextModel model) => new(
            Squash(model.FirstName),
            Squash(model.VenueName),
            Squash(model.VenuePhone),
            string.IsNullOrWhiteSpace(model.AdviserName) ? null : Squash(model.AdviserName));

        public Fields ToGsm7() => new(
            Gsm7Transliteration.ToGsm7(FirstName),
            Gsm7Transliteration.ToGsm7(Venue),
            Gsm7Transliteration.ToGsm7(Phone),
            Adviser is null ? null : NullIfEmpty(Gsm7Transliteration.ToGsm7(Adviser)));

        private static string Squash(string? value) =>
            string.Join(' ', (value ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

        private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
    }
}

using Pilot.Shared.Reminders.Planning;
using Pilot.Shared.Sms;
using Pilot.Shared.Sms.Templates;
using Pilot.Shared.Time;

namespace Pilot.Shared.Reminders.Templates;

/// <summary>
/// Writes the text for each kind of message about an appointment: who it is for, what, when
/// (London time), where and how to re-arrange, in ONE SMS fragment wherever the language allows.
/// One fragment keeps the cost per parent down and is shown whole on every phone, where a split
/// text can arrive out of order or in pieces. The wording is data (<see cref="TextTemplates"/>,
/// <c>Sms/Templates/Data/&lt;language&gt;.json</c>); this class supplies the values and the ways to shorten.
/// </summary>
/// <remarks>
/// The file's variants are tried from fullest to shortest and the first that fits is sent (in English:
/// full wording, a shorter name for an adviser appointment, terse wording, then without the adviser's
/// name), then the shortest variant with the venue cut back a word at a time. A single character
/// outside GSM-7 (such as "ł" or "ë") makes the whole text UCS-2, where one fragment is only 70
/// units, which no useful reminder fits; so if nothing fits as written, names and venue are
/// transliterated to their base Latin letters ("Łucja" to "Lucja") and the same steps run again.
/// Dropping the venue, then shortening the first name, are last resorts that realistic names (up to
/// 20 characters) and venues (up to 60) never reach.
/// Cutting the venue or dropping the name is only worth it to stay within one GSM-7 fragment: a
/// language whose own letters need UCS-2 (Polish) keeps everything, as written, in the fewest fragments.
/// </remarks>
public static class ReminderTemplates
{
    private const int MaxFirstNameLength = 20;

    private static readonly string[] TrailingFillerWords = ["and", "&", "of", "the", "at", "for", "in", "on", "-", "/"];

    /// <summary>The text in English.</summary>
    public static string Render(string textKind, ReminderTextModel model) => Render(textKind, model, TextTemplates.English);

    /// <summary>The text in the parent's preferred language when there is a file for it, else English.</summary>
    public static string Render(string textKind, ReminderTextModel model, string? language)
    {
        ArgumentNullException.ThrowIfNull(textKind);
        ArgumentNullException.ThrowIfNull(model);

        var templateKey = TemplateKeyFor(textKind);
        var set = TextTemplates.For(language);
        var when = When(set, textKind, model);
        var previous = model.PreviousStartsAt is { } previousStartsAt ? DayAndTime(set, previousStartsAt, dayWord: null) : null;
        var written = Fields.From(model);
        var transliterated = written.ToGsm7();

        var asWritten = Variants(templateKey, set, when, previous, written);
        var attempts = asWritten
            .Concat(Shortened(templateKey, set, when, previous, written))
            .Concat(transliterated == written ? [] : Variants(templateKey, set, when, previous, transliterated).Concat(Shortened(templateKey, set, when, previous, transliterated)))
            .Concat(LastResorts(templateKey, set, when, previous, transliterated));
        foreach (var text in attempts)
        {
            if (text.Analysis.Fragments == 1)
            {
                return text.Text;
            }
        }

        return TextTemplates.Choose(templateKey, asWritten).Text;
    }

    /// <summary>The template a text kind is written from.</summary>
    public static string TemplateKeyFor(string textKind) => textKind switch
    {
        TextKinds.Confirmation => TemplateKeys.Confirmation,
        TextKinds.Rescheduled => TemplateKeys.Rescheduled,
        TextKinds.Cancelled => TemplateKeys.Cancelled,
        _ when TextKinds.TryParseReminder(textKind, out _, out var isDays) => isDays ? TemplateKeys.ReminderDay : TemplateKeys.ReminderHours,
        _ => throw new ArgumentException($"Unknown text kind '{textKind}'.", nameof(textKind)),
    };

    private static IReadOnlyList<RenderedText> Variants(string templateKey, TemplateSet set, string when, string? previous, Fields fields) =>
        TextTemplates.Variants(templateKey, set.Language, Values(set, when, previous, fields, fields.Venue));

    /// <summary>The shortest wording with the venue cut back a word at a time; only where that can reach one GSM-7 fragment.</summary>
    private static IEnumerable<RenderedText> Shortened(string templateKey, TemplateSet set, string when, string? previous, Fields fields) =>
        ShorterVenues(fields.Venue).Select(venue => Shortest(templateKey, set, when, previous, fields, venue)).Where(IsGsm7);

    /// <summary>Only for inputs far beyond realistic lengths: no venue, then the first name cut down, then no name.</summary>
    private static IEnumerable<RenderedText> LastResorts(string templateKey, TemplateSet set, string when, string? previous, Fields fields)
    {
        var firstWord = fields.FirstName.Split(' ', 2)[0];
        var shortName = firstWord.Length > MaxFirstNameLength ? firstWord[..MaxFirstNameLength] : firstWord;
        return new[]
        {
            Shortest(templateKey, set, when, previous, fields, venue: null),
            Shortest(templateKey, set, when, previous, fields with { FirstName = shortName }, venue: null),
            Shortest(templateKey, set, when, previous, fields with { FirstName = string.Empty }, venue: null),
        }.Where(IsGsm7);
    }

    private static bool IsGsm7(RenderedText text) => text.Analysis.Encoding == SmsEncoding.Gsm7;

    private static RenderedText Shortest(string templateKey, TemplateSet set, string when, string? previous, Fields fields, string? venue) =>
        TextTemplates.Variants(templateKey, set.Language, Values(set, when, previous, fields, venue))[^1];

    private static Dictionary<string, string> Values(TemplateSet set, string when, string? previous, Fields fields, string? venue)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [TemplateKeys.FirstName] = fields.FirstName,
            [TemplateKeys.Appointment] = What(set, fields.AppointmentKind, fields.Adviser, shortForm: false),
            [TemplateKeys.AppointmentShort] = What(set, fields.AppointmentKind, fields.Adviser, shortForm: true),
            [TemplateKeys.AppointmentAlone] = What(set, fields.AppointmentKind, adviser: null, shortForm: true),
            [TemplateKeys.When] = when,
            [TemplateKeys.Venue] = venue ?? string.Empty,
            [TemplateKeys.Phone] = fields.Phone,
        };
        if (previous is not null)
        {
            values[TemplateKeys.Previous] = previous;
        }

        return values;
    }

    /// <summary>
    /// The appointment's kind in the file's words: "&lt;kind&gt;-short" for the short form and
    /// "&lt;kind&gt;-named" with an adviser, when the file has them, else the kind's word and
    /// "with-adviser". A WFI is mandatory and missing it has consequences, so English never abbreviates it.
    /// </summary>
    private static string What(TemplateSet set, string appointmentKind, string? adviser, bool shortForm)
    {
        var kind = appointmentKind.Trim().ToLowerInvariant() switch
        {
            AppointmentKinds.Wfi => TemplateWords.Wfi,
            AppointmentKinds.Adviser => TemplateWords.Adviser,
            AppointmentKinds.Course => TemplateWords.Course,
            _ => TemplateWords.Appointment,
        };
        var form = shortForm && set.Words.ContainsKey(kind + TemplateWords.ShortSuffix) ? kind + TemplateWords.ShortSuffix : kind;
        if (adviser is null)
        {
            return set.Word(form);
        }

        var withName = new Dictionary<string, string>(StringComparer.Ordinal) { ["adviser"] = adviser };
        return set.OptionalWord(form + TemplateWords.NamedSuffix, withName)
            ?? set.Word(TemplateWords.WithAdviser, new Dictionary<string, string>(StringComparer.Ordinal) { ["what"] = set.Word(form), ["adviser"] = adviser });
    }

    private static string When(TemplateSet set, string textKind, ReminderTextModel model)
    {
        if (!TextKinds.TryParseReminder(textKind, out var amount, out var isDays))
        {
            return DayAndTime(set, model.StartsAt, dayWord: null);
        }

        var start = LondonTime.ToLocal(model.StartsAt);

        // The day word is worked out from when the text goes: the real send time if known,
        // else the reminder's nominal time (days before, or start minus the hours).
        DateOnly sendDate;
        if (model.SendAt is { } sendAt)
        {
            sendDate = DateOnly.FromDateTime(LondonTime.ToLocal(sendAt).DateTime);
        }
        else
        {
            sendDate = isDays
                ? DateOnly.FromDateTime(start.DateTime).AddDays(-amount)
                : DateOnly.FromDateTime(LondonTime.ToLocal(model.StartsAt - TimeSpan.FromHours(amount)).DateTime);
        }

        var startDate = DateOnly.FromDateTime(start.DateTime);
        return (startDate.DayNumber - sendDate.DayNumber) switch
        {
            0 => DayAndTime(set, model.StartsAt, set.Word(TemplateWords.Today)),
            1 => DayAndTime(set, model.StartsAt, set.Word(TemplateWords.Tomorrow)),
            _ => DayAndTime(set, model.StartsAt, dayWord: null),
        };
    }

    /// <summary>
    /// "Tue 3 Mar at 10:30" (or "tomorrow at 10:30") in London time, in the file's culture and formats:
    /// en-GB gives "Sept" for September; pl-PL "wt 3 mar" (the culture's abbreviation dots are dropped,
    /// as Polish texts write them).
    /// </summary>
    private static string DayAndTime(TemplateSet set, DateTimeOffset instant, string? dayWord)
    {
        var local = LondonTime.ToLocal(instant);
        var day = dayWord ?? local.ToString(set.Word(TemplateWords.DateFormat), set.Culture).Replace(".", string.Empty, StringComparison.Ordinal);
        var time = local.ToString(set.Word(TemplateWords.TimeFormat), set.Culture);
        return set.Word(TemplateWords.DayAndTime, new Dictionary<string, string>(StringComparer.Ordinal) { ["day"] = day, ["time"] = time });
    }

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

    private sealed record Fields(string AppointmentKind, string FirstName, string Venue, string Phone, string? Adviser)
    {
        public static Fields From(ReminderTextModel model) => new(
            model.AppointmentKind,
            Squash(model.FirstName),
            Squash(model.VenueName),
            Squash(model.VenuePhone),
            string.IsNullOrWhiteSpace(model.AdviserName) ? null : Squash(model.AdviserName));

        public Fields ToGsm7() => new(
            AppointmentKind,
            Gsm7Transliteration.ToGsm7(FirstName),
            Gsm7Transliteration.ToGsm7(Venue),
            Gsm7Transliteration.ToGsm7(Phone),
            Adviser is null ? null : NullIfEmpty(Gsm7Transliteration.ToGsm7(Adviser)));

        private static string Squash(string? value) =>
            string.Join(' ', (value ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

        private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
    }
}

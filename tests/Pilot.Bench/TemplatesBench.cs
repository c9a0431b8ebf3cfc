using Pilot.Shared.Parents;
using Pilot.Shared.Venues;
using Pilot.Shared.WfiInvitations;
using System.Globalization;
using Pilot.Shared.DemoData;
using Pilot.Shared.Reminders.Planning;
using Pilot.Shared.Reminders.Templates;
using Pilot.Shared.Sms;
using Pilot.Shared.Sms.Costs;
using Pilot.Shared.Sms.Templates;
using Pilot.Shared.Time;
using Pilot.Shared.Vacancies.Alerts;
using Pilot.Shared.Vacancies.Catalogue;
using Pilot.Shared.Vacancies.Hours;

namespace Pilot.Bench;

/// <summary>
/// For every template and language, the worst case over realistic personalisation (names long, short,
/// accented and in other scripts; the demo venues; every appointment kind, with and without an
/// adviser): fragments, encoding and cost at the default price. No storage needed.
/// </summary>
internal static class TemplatesBench
{
    private static readonly string[] Names = ["Amy", "Mary Jane", "Oluwaseun-Adebayo", "Christabel-Annabelle", "Łucja", "Małgorzata", "Zoë", "Siobhán", "Ngọc Anh", "محمد"];

    private static readonly string?[] Advisers = [null, "Sam", "Samantha Patel-Okonkwo"];

    private static readonly string[] Kinds = ["wfi", "adviser", "course"];

    // A Tuesday in September: the longest English month abbreviation ("Sept").
    private static readonly DateTimeOffset StartsAt = LondonTime.FromLocal(new DateTime(2026, 9, 15, 10, 30, 0));

    private static readonly (string Key, string TextKind)[] AppointmentTexts =
    [
        (TemplateKeys.Confirmation, TextKinds.Confirmation),
        (TemplateKeys.ReminderDay, TextKinds.DaysBefore(1)),
        (TemplateKeys.ReminderHours, TextKinds.HoursBefore(2)),
        (TemplateKeys.Rescheduled, TextKinds.Rescheduled),
        (TemplateKeys.Cancelled, TextKinds.Cancelled),
    ];

    public static void Run()
    {
        var price = new SmsOptions().PricePerFragment;
        var venues = DemoSeeder.PilotVenues();
        Console.WriteLine(Invariant($"[templates] worst case over {Names.Length} names x {venues.Count} demo venues x {Kinds.Length} kinds x {Advisers.Length} advisers; price {price * 100:0.##}p a fragment"));
        Console.WriteLine("[templates] language  template            worst  median  encoding  units  cost/text  review");
        var englishAllOne = true;
        foreach (var language in TextTemplates.Languages)
        {
            var set = TextTemplates.For(language);
            foreach (var (key, textKind) in AppointmentTexts)
            {
                var texts = from name in Names
                            from venue in venues
                            from kind in Kinds
                            from adviser in Advisers
                            select SmsText.Analyse(ReminderTemplates.Render(textKind, new ReminderTextModel(name, kind, StartsAt, venue.Name, venue.Phone, adviser, StartsAt.AddDays(-1)), language));
                englishAllOne &= Print(language, key, texts.ToList(), price, set.ReviewRequired) == 1 || language != TextTemplates.English;
            }

            foreach (var key in new[] { TemplateKeys.OptOutConfirmed, TemplateKeys.OptInConfirmed, TemplateKeys.UnknownReply })
            {
                var texts = venues.Select(v => TextTemplates.RenderReply(key, language, v.Phone).Analysis).ToList();
                englishAllOne &= Print(language, key, texts, price, set.ReviewRequired) == 1 || language != TextTemplates.English;
            }

            var invitation = new WfiInvitationEntity { Reference = "WFI-7KQ3F2", JobcentreStartsAt = StartsAt, CentreStartsAt = StartsAt.AddDays(1), RespondBy = "2026-09-10" };
            var wfiTexts = new (string Key, Func<ParentEntity, Venue, string> Render)[]
            {
                (TemplateKeys.WfiLetterComing, (p, v) => WfiTexts.LetterComing(p, invitation, v)),
                (TemplateKeys.WfiChoiceBooked, (p, v) => WfiTexts.Booked(p, invitation, v, StartsAt)),
                (TemplateKeys.WfiWhichLetter, (p, _) => WfiTexts.WhichLetter(p, invitation)),
                (TemplateKeys.WfiChoiceClosed, (p, v) => WfiTexts.Closed(p, invitation, v.Phone)),
                (TemplateKeys.WfiDefaulted, (p, v) => WfiTexts.Defaulted(p, invitation, v)),
            };
            foreach (var (key, render) in wfiTexts)
            {
                var texts = (from name in Names
                             from venue in venues
                             select SmsText.Analyse(render(new ParentEntity { FirstName = name, PreferredLanguage = language }, venue))).ToList();
                englishAllOne &= Print(language, key, texts, price, set.ReviewRequired) == 1 || language != TextTemplates.English;
            }

            // Alerts and digests: their own limits (an alert at most 2 fragments, a digest 3), so not in the one-fragment check.
            var distances = new[] { 0.3, 2.1, 14.8, 29.9 };
            var alerts = (from vacancy in SampleVacancies() from km in distances select SmsText.Analyse(AlertText.Alert(vacancy, km, language))).ToList();
            Print(language, TemplateKeys.VacancyAlert, alerts, price, set.ReviewRequired);
            var digests = new[] { 1, 2, 3, 5, 8 }.Select(n => SmsText.Analyse(AlertText.Digest([.. SampleVacancies().Take(n).Select((v, i) => (v, 0.5 + i))], language))).ToList();
            Print(language, TemplateKeys.VacancyDigest, digests, price, set.ReviewRequired);
            Print(language, TemplateKeys.JobsOffConfirmed, [SmsText.Analyse(AlertText.AlertsOffConfirmed(language))], price, set.ReviewRequired);
            Print(language, TemplateKeys.JobsOnConfirmed, [SmsText.Analyse(AlertText.AlertsOnConfirmed(language))], price, set.ReviewRequired);

            // A parent's own link: the link as ParentLinks writes it (parent id, expiry, signature), with and without a first name.
            const string link = "https://pilot.example.gov.uk/api/p/01a23ed5aea37fba90c89111eca95152.1796400000.kFnUaYaC4SI3x3j3n_fdKRNCHP-TbJwdfgpDLEXUEHs";
            var until = LondonTime.ToLocal(StartsAt).ToString(set.Word(TemplateWords.DateFormat), set.Culture).Replace(".", string.Empty, StringComparison.Ordinal);
            var links = (from name in Names.Append("")
                         select SmsText.Analyse(TextTemplates.Render(TemplateKeys.ParentLink, language, new Dictionary<string, string>(StringComparer.Ordinal)
                         {
                             [TemplateKeys.FirstName] = name,
                             [TemplateKeys.Link] = link,
                             [TemplateKeys.Until] = until,
                         }).Text)).ToList();
            Print(language, TemplateKeys.ParentLink, links, price, set.ReviewRequired);
        }

        Console.WriteLine($"[templates] English templates: all 1 fragment: {(englishAllOne ? "yes" : "no")} (vacancy alerts and digests excepted: at most {AlertText.MaxAlertFragments} and {AlertText.MaxDigestFragments}; the parent-link text is shown, not counted: its link alone is over 110 characters)");
    }

    // Short and long titles and employers, a link or a phone number, hours read as a pattern or left as the advert's words.
    private static IEnumerable<VacancyEntity> SampleVacancies()
    {
        (string Title, string Employer, string? Url, string? Phone, string Hours)[] samples =
        [
            ("Teaching assistant", "Oakfield Primary School", "https://oakfield.example.org/jobs", null, "Mon-Fri 9.30am-2.30pm term time only"),
            ("School cleaner", "Brixton Academy", null, "020 7946 0000", "Mon-Fri 3.30pm-6.30pm"),
            ("Lunchtime supervisor", "St Mary's C of E Primary", "https://www.example.gov.uk/jobs/5678", null, "11:45-13:15 weekdays"),
            ("Customer service assistant (part time, weekends and school holidays)", "Greater London Retail Partnership Limited", "https://careers.example.co.uk/vacancies/customer-service-assistant-part-time-12345", null, "Flexible, to suit school hours"),
            ("Care assistant", "Sunrise Homecare", null, "0161 496 0000", "Mornings 7-10am, Mon-Fri"),
            ("Kitchen porter", "The Bridge Cafe", "https://bridge.example.org/apply", null, "Sat and Sun 10am-4pm"),
            ("Admin assistant", "Lambeth Family Hub", "https://hub.example.org/admin", null, "Tue, Wed, Thu 9am-3pm"),
            ("Retail assistant", "Corner Books", null, "020 7946 0999", "TBC"),
        ];
        foreach (var (title, employer, url, phone, hours) in samples)
        {
            var clear = HoursParser.TryParse(hours, out var parsed);
            yield return new VacancyEntity
            {
                Ref = "V-" + title.Length.ToString(CultureInfo.InvariantCulture),
                Title = title,
                Employer = employer,
                Area = "SW2",
                HoursText = hours,
                Hours = clear ? PatternText.Write(parsed.Pattern!) : null,
                TermTimeOnly = parsed.TermTimeOnly,
                ApplyUrl = url,
                ApplyPhone = phone,
            };
        }
    }

    private static int Print(string language, string key, List<SmsAnalysis> texts, decimal price, bool review)
    {
        var worst = texts.OrderByDescending(t => t.Fragments).ThenByDescending(t => t.Units).First();
        var median = texts.Select(t => t.Fragments).Order().ElementAt(texts.Count / 2);
        var ucs2 = texts.Count(t => t.Encoding == SmsEncoding.Ucs2);
        var encoding = ucs2 == 0 ? "GSM-7" : ucs2 == texts.Count ? "UCS-2" : "mixed";
        Console.WriteLine(Invariant($"[templates] {language,-8}  {key,-18}  {worst.Fragments,5}  {median,6}  {encoding,-8}  {worst.Units,5}  £{SmsPrice.Of(worst.Fragments, price),-8:0.0000}  {(review ? "draft, needs translator review" : "")}"));
        return worst.Fragments;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

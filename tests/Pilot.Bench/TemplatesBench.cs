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
        }

        Console.WriteLine($"[templates] English templates: all 1 fragment: {(englishAllOne ? "yes" : "no")}");
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

using System.Globalization;
using Pilot.Shared.Time;

namespace Pilot.Shared.Letters.Layout;

/// <summary>
/// What the WFI location-choice letter says, in plain English (GOV.UK style: short sentences, dates as
/// "Tuesday 1 December 2026", times as "10:30am"). Layout decides where it goes, not what it says.
/// </summary>
public static class WfiLetterWording
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public const string Title = "Your Work-Focused Interview: choose where to have it";

    /// <summary>Top right of page 1: the office, how to phone it, the date and the reference.</summary>
    public static IReadOnlyList<(string Text, bool Bold)> OfficeBlock(WfiLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var lines = new List<(string, bool)>();
        lines.AddRange(letter.From.Lines.Select((line, i) => (line, i == 0)));
        lines.Add(("", false));
        lines.Add(($"Phone: {letter.OfficePhone}", false));
        lines.Add(("", false));
        lines.Add((LongDate(letter.Date), false));
        lines.Add(($"Reference: {letter.Reference}", true));
        return lines;
    }

    public static IReadOnlyList<LetterBlock> Body(WfiLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return
        [
            new LetterParagraph(Title, Bold: true, Scale: 1.3),
            new LetterParagraph($"Dear {letter.To.Lines[0]},"),
            new LetterParagraph(
                "You need to have a Work-Focused Interview with a Jobcentre Plus adviser. "
                + "You can choose to have it at the Jobcentre or at your local children's centre."),
            new LetterColumns(Option(1, "At the Jobcentre", letter.Jobcentre), Option(2, "At the children's centre", letter.Centre)),
            new LetterParagraph("How to choose", Bold: true, Scale: 1.15, KeepWithNext: true),
            new LetterParagraph($"Text 1 (Jobcentre) or 2 (children's centre) to {letter.ReplyNumber}", Bullet: true),
            new LetterParagraph($"or go to {letter.ChoiceUrl}", Bullet: true),
            new LetterParagraph($"or phone the office on {letter.OfficePhone}", Bullet: true),
            new LetterParagraph($"Please choose by {LongDate(letter.RespondBy)}.", Bold: true),
            new LetterParagraph("If you do not choose", Bold: true, Scale: 1.15, KeepWithNext: true),
            new LetterParagraph(
                $"If we have not heard from you by {LongDate(letter.RespondBy)}, your interview will be at the Jobcentre "
                + "(option 1), on the date and at the time shown. You must still go to it. "
                + "If you cannot go, phone the office as soon as you can."),
            new LetterParagraph($"Please quote your reference number {letter.Reference} if you phone us."),
        ];
    }

    public static string Footer(WfiLetter letter, int page, int pages) =>
        $"Reference {letter?.Reference}    Page {page} of {pages}";

    public static string LongDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", English);

    /// <summary>"10:30am", "2pm", "midday" in London time.</summary>
    public static string Time(DateTimeOffset instant)
    {
        var local = LondonTime.ToLocal(instant);
        if (local is { Hour: 12, Minute: 0 })
        {
            return "midday";
        }

        var hour = local.Hour % 12 == 0 ? 12 : local.Hour % 12;
        var suffix = local.Hour < 12 ? "am" : "pm";
        return local.Minute == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{hour}{suffix}")
            : string.Create(CultureInfo.InvariantCulture, $"{hour}:{local.Minute:00}{suffix}");
    }

    private static List<LetterParagraph> Option(int number, string where, WfiLetterOption option)
    {
        var local = LondonTime.ToLocal(option.StartsAt);
        var paragraphs = new List<LetterParagraph>
        {
            new($"Option {number}: {where}", Bold: true, Scale: 1.1),
            new(option.VenueName, Bold: true),
        };
        paragraphs.AddRange(option.AddressLines.Select(line => new LetterParagraph(line)));
        paragraphs.Add(new LetterParagraph(LongDate(DateOnly.FromDateTime(local.DateTime)), Bold: true));
        paragraphs.Add(new LetterParagraph($"at {Time(option.StartsAt)}", Bold: true));
        if (option.Offers.Count > 0)
        {
            paragraphs.Add(new LetterParagraph("What the centre offers:"));
            paragraphs.AddRange(option.Offers.Select(offer => new LetterParagraph(offer, Bullet: true)));
        }

        return paragraphs;
    }
}

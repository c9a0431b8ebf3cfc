using System.Globalization;
using System.Text.RegularExpressions;

namespace Pilot.Shared.Vacancies.Hours;

/// <summary>
/// Reads the working hours that job adverts give as free text ("Mon-Fri 9.30am-2.30pm",
/// "9:30 - 14:30 Monday to Friday", "school hours") into a <see cref="WeeklyPattern"/>. It only
/// answers <see cref="HoursClarity.Clear"/> when the text names both the days and the times and
/// says nothing that loosens them ("flexible", "shifts", "or", "to be agreed"): a wrong pattern
/// would text a parent a job they cannot do, an unclear one is still offered to parents who accept
/// unknown hours.
/// <para>
/// Starts are rounded down and ends up to the quarter-hour: the pattern then covers at least the
/// real hours, so "fits inside the parent's window" is never claimed for a job that overruns it.
/// </para>
/// <para>
/// "School hours" is taken to mean Monday to Friday 09:00-15:00 in term time (30 hours a week):
/// the usual primary school day, and how teaching-assistant adverts use the phrase.
/// </para>
/// </summary>
public static partial class HoursParser
{
    private static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>Returns true when the hours are clear; <paramref name="result"/> is always set.</summary>
    public static bool TryParse(string text, out ParsedHours result)
    {
        ArgumentNullException.ThrowIfNull(text);
        result = Parse(text);
        return result.IsClear;
    }

    private static ParsedHours Parse(string original)
    {
        var text = Normalise(original);
        var termTime = TermTimePattern().IsMatch(text);
        double? perWeek = null;
        var perWeekMatch = HoursPerWeekPattern().Match(text);
        if (perWeekMatch.Success)
        {
            // A range ("16-20 hours") gives no single figure; it also means the pattern is loose.
            if (!perWeekMatch.Groups["max"].Success)
            {
                perWeek = double.Parse(perWeekMatch.Groups["hours"].Value, CultureInfo.InvariantCulture);
            }

            text = text.Remove(perWeekMatch.Index, perWeekMatch.Length).Insert(perWeekMatch.Index, " ");
        }

        ParsedHours Unclear(string because) => new(original, HoursClarity.Unclear, null, termTime, perWeek, because);

        var loosener = LoosenerPattern().Match(text);
        if (loosener.Success)
        {
            return Unclear($"says \"{loosener.Value.Trim()}\"");
        }

        if (perWeekMatch.Success && perWeekMatch.Groups["max"].Success)
        {
            return Unclear("gives a range of hours");
        }

        var segments = new List<(IReadOnlyList<DayOfWeek> Days, int FromMinute, int ToMinute)>();
        var pendingDays = new List<DayOfWeek>();
        (int From, int To)? pendingTimes = null;
        var sawSchoolHours = false;
        IReadOnlyList<DayOfWeek>? lastDays = null;

        foreach (Match token in TokenPattern().Matches(text))
        {
            if (token.Groups["school"].Success)
            {
                sawSchoolHours = true;
                continue;
            }

            if (token.Groups["from"].Success)
            {
                if (!TryReadRange(token, out var from, out var to))
                {
                    return Unclear($"cannot read the times \"{token.Value.Trim()}\"");
                }

                if (pendingDays.Count > 0)
                {
                    lastDays = pendingDays.ToArray();
                    segments.Add((lastDays, from, to));
                    pendingDays.Clear();
                }
                else if (lastDays is not null)
                {
                    // A second range after "days times" belongs to the same days ("Mon-Fri 7.30-9 and 3-6").
                    segments.Add((lastDays, from, to));
                }
                else if (pendingTimes is null)
                {
                    pendingTimes = (from, to);
                }
                else
                {
                    return Unclear("gives times without days");
                }

                continue;
            }

            var days = ReadDays(token);
            if (pendingTimes is { } times)
            {
                // Times given first apply to the days that follow them ("9-3 weekdays").
                segments.Add((days, times.From, times.To));
                pendingTimes = null;
                lastDays = null;
            }
            else
            {
                pendingDays.AddRange(days);
                lastDays = null;
            }
        }

        if (sawSchoolHours && segments.Count == 0 && pendingDays.Count == 0 && pendingTimes is null)
        {
            var school = WeeklyPattern.FromDayRange(Weekdays, 9 * 4, 15 * 4);
            return new ParsedHours(original, HoursClarity.Clear, school, TermTimeOnly: true, perWeek ?? 30, null);
        }

        if (pendingTimes is not null)
        {
            return Unclear("does not say which days");
        }

        if (pendingDays.Count > 0)
        {
            return Unclear(segments.Count == 0 ? "does not say what times" : "gives days without times");
        }

        if (segments.Count == 0)
        {
            return Unclear("names no days or times");
        }

        var pattern = WeeklyPattern.Empty;
        double minutes = 0;
        foreach (var (days, from, to) in segments)
        {
            var fromQuarter = from / 15;
            var toQuarter = (to + 14) / 15;
            pattern = pattern.Union(WeeklyPattern.FromDayRange(days, fromQuarter, toQuarter));
            var length = to > from ? to - from : to + (24 * 60) - from;
            minutes += length * days.Distinct().Count();
        }

        return new ParsedHours(original, HoursClarity.Clear, pattern, termTime, perWeek ?? (minutes / 60), null);
    }

    private static string Normalise(string text)
    {
        var lower = text.ToLowerInvariant()
            .Replace('\u2013', '-').Replace('\u2014', '-').Replace('\u2212', '-').Replace('\u2010', '-')
            .Replace("a.m.", "am", StringComparison.Ordinal).Replace("p.m.", "pm", StringComparison.Ordinal);
        return " " + lower + " ";
    }

    private static bool TryReadRange(Match token, out int fromMinute, out int toMinute)
    {
        fromMinute = toMinute = 0;
        if (!TryReadTime(token.Groups["from"].Value, out var from) || !TryReadTime(token.Groups["to"].Value, out var to))
        {
            return false;
        }

        // Resolve a missing am/pm from the other end of the range, preferring a daytime reading:
        // "6-9pm" is 18:00-21:00, "9-3pm" and "9-3" are 09:00-15:00, "1-4" is 13:00-16:00.
        var fromHour = from.Hour;
        var toHour = to.Hour;
        if (from.Suffix is null && !from.TwentyFourHour && to.Suffix is { } toSuffix)
        {
            var candidate = Apply(fromHour, toSuffix);
            fromHour = candidate * 60 + from.Minute < Apply(toHour, toSuffix) * 60 + to.Minute ? candidate : Apply(fromHour, "am");
        }
        else if (from.Suffix is not null)
        {
            fromHour = Apply(fromHour, from.Suffix);
        }
        else if (!from.TwentyFourHour && !to.TwentyFourHour && to.Suffix is null && fromHour is >= 1 and < 7)
        {
            fromHour += 12;
        }

        if (to.Suffix is not null)
        {
            toHour = Apply(toHour, to.Suffix);
        }
        else if (!to.TwentyFourHour && toHour < 12 && toHour * 60 + to.Minute <= fromHour * 60 + from.Minute)
        {
            toHour += 12;
        }

        fromMinute = (fromHour * 60) + from.Minute;
        toMinute = (toHour * 60) + to.Minute;
        if (fromMinute >= 24 * 60 || toMinute > 24 * 60 || fromMinute == toMinute)
        {
            return false;
        }

        // 24:00 is the end of the day; a range ending earlier than it starts runs past midnight.
        toMinute %= 24 * 60;
        return true;
    }

    private static int Apply(int hour, string suffix) => suffix == "am" ? hour % 12 : (hour % 12) + 12;

    private readonly record struct ClockTime(int Hour, int Minute, string? Suffix, bool TwentyFourHour);

    private static bool TryReadTime(string value, out ClockTime time)
    {
        time = default;
        var v = value.Trim();
        if (v is "noon" or "midday" or "12 noon")
        {
            time = new ClockTime(12, 0, "pm", false);
            return true;
        }

        if (v == "midnight")
        {
            time = new ClockTime(24, 0, null, true);
            return true;
        }

        var m = ClockPattern().Match(v);
        if (!m.Success)
        {
            return false;
        }

        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        string? suffix = m.Groups["s"].Success ? m.Groups["s"].Value : null;
        if (minute > 59 || hour > 24 || (suffix is not null && (hour is 0 or > 12)) || (hour == 24 && minute > 0))
        {
            return false;
        }

        // "08:45", "14:30" and "0930" are 24-hour times: no am/pm is inferred for them.
        var twentyFour = hour > 12 || hour == 0 || (m.Groups["h"].Value.Length == 2 && m.Groups["h"].Value[0] == '0');
        time = new ClockTime(hour, minute, suffix, twentyFour);
        return true;
    }

    private static DayOfWeek[] ReadDays(Match token)
    {
        if (token.Groups["weekdays"].Success)
        {
            return Weekdays;
        }

        if (token.Groups["weekends"].Success)
        {
            return [DayOfWeek.Saturday, DayOfWeek.Sunday];
        }

        if (token.Groups["daily"].Success)
        {
            return [.. Weekdays, DayOfWeek.Saturday, DayOfWeek.Sunday];
        }

        var first = DayFrom(token.Groups["d1"].Value);
        if (!token.Groups["d2"].Success)
        {
            return [first];
        }

        var last = DayFrom(token.Groups["d2"].Value);
        var days = new List<DayOfWeek>();
        for (var d = WeeklyPattern.DayIndex(first); ; d = (d + 1) % 7)
        {
            days.Add(WeeklyPattern.DayOf(d));
            if (d == WeeklyPattern.DayIndex(last))
            {
                break;
            }
        }

        return [.. days];
    }

    private static DayOfWeek DayFrom(string word) => word[..2] switch
    {
        "mo" => DayOfWeek.Monday,
        "tu" => DayOfWeek.Tuesday,
        "we" => DayOfWeek.Wednesday,
        "th" => DayOfWeek.Thursday,
        "fr" => DayOfWeek.Friday,
        "sa" => DayOfWeek.Saturday,
        _ => DayOfWeek.Sunday,
    };

    private const string Day =
        @"(?:mon(?:day)?s?|tue(?:s(?:day)?)?s?|wed(?:s|nesday)?s?|thu(?:r(?:s(?:day)?)?)?s?|fri(?:day)?s?|sat(?:urday)?s?|sun(?:day)?s?)";

    private const string Time = @"(?:\d{1,2}(?:[:.]?\d{2})?\s*(?:am|pm)?|noon|midday|12 noon|midnight)";

    private const string RangeSeparator = @"\s*(?:-|to|till|til|until|and)\s*";

    [GeneratedRegex(
        @"(?<school>\bschool\s+hours\b)"
        + @"|(?:\bbetween\s+|\bfrom\s+)?(?<!\d)(?<from>" + Time + ")" + RangeSeparator + "(?<to>" + Time + @")(?!\d)"
        + @"|\b(?<d1>" + Day + @")\b(?:\s*(?:-|to|through|thru|until|till)\s*\b(?<d2>" + Day + @")\b)?"
        + @"|\b(?<weekdays>weekdays?|week\s*days?)\b"
        + @"|\b(?<weekends>weekends?)\b"
        + @"|\b(?<daily>daily|every\s+day|7\s+days(?:\s+a\s+week)?|seven\s+days(?:\s+a\s+week)?)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"^(?<h>\d{1,2})(?:[:.]?(?<m>\d{2}))?\s*(?<s>am|pm)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ClockPattern();

    [GeneratedRegex(
        @"(?<hours>\d{1,2}(?:\.\d{1,2})?)(?:\s*(?:-|to)\s*(?<max>\d{1,2}(?:\.\d{1,2})?))?\s*(?:hours|hrs|hr|hour)\b(?:\s*(?:per|a|each|/|p/?)\s*(?:week|wk|w)\b)?",
        RegexOptions.CultureInvariant)]
    private static partial Regex HoursPerWeekPattern();

    [GeneratedRegex(@"\bterm[\s-]*time\b|\bterm\s+only\b|\bschool\s+hours\b|\bduring\s+term\b", RegexOptions.CultureInvariant)]
    private static partial Regex TermTimePattern();

    // Words that make any stated days or times a starting point rather than the hours.
    [GeneratedRegex(
        @"\bflexib\w*|\bshifts?\b|\brota\w*|\bto\s+be\s+(?:agreed|confirmed|discussed|arranged)|\bt\.?b\.?[ca]\b|\bnegotiable\b|\bvar(?:ied|ious|iable|y)\b"
        + @"|\bas\s+required\b|\bad[\s-]hoc\b|\bzero[\s-]hours?\b|\bon[\s-]call\b|\bovertime\b|\boccasional\w*|\balternate\b|\bsome\b|\bincluding\b"
        + @"|\bexcept\b|\bexcluding\b|\bnot\b|\bor\b|\bapprox\w*|\baround\b|\bup\s+to\b|\bminimum\b|\bmin\b|\bmax\w*|\bsplit\b|\bsleep[\s-]?ins?\b|\bnights?\b|\bcasual\b|\bbank\b|\brelief\b|\bdays\s+(?:to\s+be|tbc|tba)",
        RegexOptions.CultureInvariant)]
    private static partial Regex LoosenerPattern();
}

using System.Globalization;
using System.Text.RegularExpressions;
using Pilot.Shared.Validation;

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
/// "School hours" is taken to mean 09:00-15:00 in term time, on the days named with it or else
/// Monday to Friday: the usual primary school day, and how teaching-assistant adverts use the phrase.
/// </para>
/// <para>
/// Term time is read from the ways school adverts write it ("TTO", "T.T.O.", "term-time", "termtime",
/// "39 weeks a year"). Colloquial British times ("half nine", "quarter past three", "nine till three")
/// are read as the digits would be: in British English "half nine" is 9:30, never 8:30, and the am/pm
/// question is the same as for "9.30-2.30". A range without am/pm is read only when one reading is
/// plausible ("9-3", "1-4", "2-10") or the advert says "mornings" or "evenings"; "6-9" or "7-9" alone
/// could be a morning or an evening job, and stays unclear.
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
        var termTime = TermTimePattern().IsMatch(text) && !YearRoundPattern().IsMatch(text);
        var context = MorningPattern().IsMatch(text) == EveningPattern().IsMatch(text) ? DayPart.Either
            : MorningPattern().IsMatch(text) ? DayPart.Morning : DayPart.Evening;
        var hoursWithinWindow = HoursWithinWindowPattern().IsMatch(text);
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

        if (hoursWithinWindow)
        {
            return Unclear("gives hours a day within a longer window");
        }

        var segments = new List<(IReadOnlyList<DayOfWeek> Days, int FromMinute, int ToMinute)>();
        var pendingDays = new List<DayOfWeek>();
        var pendingTimes = new List<(int From, int To)>();
        List<(int From, int To)>? trailingTimes = null;
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
                trailingTimes = null;
                if (!TryReadRange(token, context, out var from, out var to))
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
                else
                {
                    // Times before the days ("7-10am and 4-7pm, Mon-Fri") wait for them.
                    pendingTimes.Add((from, to));
                }

                continue;
            }

            if (token.Groups["daily"].Success && !termTime)
            {
                // "Daily" in a school advert is every school day; elsewhere it may or may not take in the weekend.
                return Unclear("says \"daily\": every day, or every working day?");
            }

            var days = ReadDays(token);
            if (pendingTimes.Count > 0 || (trailingTimes is not null && pendingDays.Count == 0))
            {
                // Times given first apply to the days that follow them ("9-3 weekdays", "10-2 Tues, Weds").
                if (pendingTimes.Count > 0)
                {
                    trailingTimes = [.. pendingTimes];
                    pendingTimes.Clear();
                }

                segments.AddRange(trailingTimes!.Select(t => ((IReadOnlyList<DayOfWeek>)days, t.From, t.To)));
                lastDays = null;
            }
            else
            {
                pendingDays.AddRange(days);
                lastDays = null;
            }
        }

        if (sawSchoolHours && segments.Count == 0 && pendingTimes.Count == 0)
        {
            // "Monday to Wednesday, school hours": the school day on the days named, else every weekday.
            var schoolDays = pendingDays.Count > 0 ? pendingDays.Distinct().ToArray() : Weekdays;
            var school = WeeklyPattern.FromDayRange(schoolDays, 9 * 4, 15 * 4);
            return new ParsedHours(original, HoursClarity.Clear, school, TermTimeOnly: true, perWeek ?? 6 * schoolDays.Length, null);
        }

        if (pendingTimes.Count > 0)
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

    /// <summary>
    /// One spelling for each thing adverts write many ways: every kind of dash becomes "-", "a.m." "am",
    /// "'til" "til"; "o'clock" and "hrs" after a clock time go; colloquial and worded times become digits.
    /// </summary>
    private static string Normalise(string text)
    {
        var lower = PastedText.Clean(text).ToLowerInvariant().Replace('\u2019', '\'');
        foreach (var dash in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D")
        {
            lower = lower.Replace(dash, '-');
        }

        lower = MeridiemPattern().Replace(lower, "${p}m");
        lower = lower.Replace("'til", "til", StringComparison.Ordinal);
        lower = OClockPattern().Replace(lower, "${t}");
        lower = ClockHrsPattern().Replace(lower, "${t}");
        lower = MondayToFridayLetters().Replace(lower, "mon-fri");
        lower = ColloquialPattern().Replace(lower, Colloquial);
        lower = WordedRangePattern().Replace(lower, m => char.IsAsciiDigit(m.Groups["a"].Value[0]) && char.IsAsciiDigit(m.Groups["b"].Value[0])
            ? m.Value
            : $"{HourOf(m.Groups["a"].Value)}{m.Groups["sep"].Value}{HourOf(m.Groups["b"].Value)}");
        return " " + lower + " ";
    }

    private static string Colloquial(Match m)
    {
        var hour = HourOf(m.Groups["h"].Value);
        if (hour is < 1 or > 12)
        {
            return m.Value;
        }

        return m.Groups["half"].Success ? $"{hour}:30"
            : m.Groups["past"].Success ? $"{hour}:15"
            : $"{(hour == 1 ? 12 : hour - 1)}:45";
    }

    private static readonly string[] HourWords = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    private static int HourOf(string word) =>
        int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : Array.IndexOf(HourWords, word) + 1;

    private enum DayPart
    {
        Either,
        Morning,
        Evening,
    }

    private static bool TryReadRange(Match token, DayPart context, out int fromMinute, out int toMinute)
    {
        fromMinute = toMinute = 0;
        if (!TryReadTime(token.Groups["from"].Value, out var from) || !TryReadTime(token.Groups["to"].Value, out var to))
        {
            return false;
        }

        if (from.Suffix is null && !from.TwentyFourHour && to.Suffix is null && !to.TwentyFourHour)
        {
            return TryReadBareRange(from, to, context, out fromMinute, out toMinute);
        }

        // Resolve a missing am/pm from the other end of the range: "6-9pm" is 18:00-21:00, "9-3pm" is
        // 09:00-15:00, "9:00-15:00" and "09:00-3:00" are read on the 24-hour clock their other end uses.
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

    /// <summary>
    /// A range with no am/pm on either end ("9-3", "6-9"): each end may be morning or afternoon. Readings
    /// that start before 05:00, run past midnight or last over 12 hours are dropped; "mornings" or "evenings"
    /// in the advert picks its half of the day; of what is left, one reading is taken, or the one inside
    /// 08:00-19:00. Otherwise the range is unclear: "Mon-Fri 6-9" could be an early or an evening job.
    /// </summary>
    private static bool TryReadBareRange(ClockTime from, ClockTime to, DayPart context, out int fromMinute, out int toMinute)
    {
        fromMinute = toMinute = 0;
        var readings = new List<(int From, int To)>();
        foreach (var fromHour in Halves(from.Hour))
        {
            foreach (var toHour in Halves(to.Hour))
            {
                var start = (fromHour * 60) + from.Minute;
                var end = (toHour * 60) + to.Minute;
                var fitsContext = context == DayPart.Either || (context == DayPart.Morning) == (start < 12 * 60);
                if (start >= 5 * 60 && start < 24 * 60 && end > start && end <= 24 * 60 && end - start <= 12 * 60 && fitsContext)
                {
                    readings.Add((start, end));
                }
            }
        }

        var daytime = readings.Where(r => r.From >= 8 * 60 && r.To <= 19 * 60).ToList();
        var chosen = readings.Count == 1 ? readings[0] : daytime.Count == 1 ? daytime[0] : ((int, int)?)null;
        if (chosen is not { } reading)
        {
            return false;
        }

        (fromMinute, toMinute) = reading;
        toMinute %= 24 * 60;
        return true;

        static int[] Halves(int hour) => hour == 12 ? [12, 24] : [hour, hour + 12];
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
            // Only reached in term time: a school's days.
            return Weekdays;
        }

        if (token.Groups["allweek"].Success)
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

    private const string HourWord = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";

    [GeneratedRegex(
        @"(?<school>\bschool[\s-]+hours\b)"
        + @"|(?:\bbetween\s+|\bfrom\s+)?(?<!\d)(?<from>" + Time + ")" + RangeSeparator + "(?<to>" + Time + @")(?!\d)"
        + @"|\b(?<d1>" + Day + @")\b(?:\s*(?:-|to|through|thru|until|till)\s*\b(?<d2>" + Day + @")\b)?"
        + @"|\b(?<weekdays>weekdays?|week\s*days?)\b"
        + @"|\b(?<weekends>weekends?)\b"
        + @"|\b(?<daily>daily|every\s+day)\b"
        + @"|\b(?<allweek>7\s+days(?:\s+a\s+week)?|seven\s+days(?:\s+a\s+week)?)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"^(?<h>\d{1,2})(?:[:.]?(?<m>\d{2}))?\s*(?<s>am|pm)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ClockPattern();

    [GeneratedRegex(
        @"(?<hours>\d{1,2}(?:\.\d{1,2})?)(?:\s*(?:-|to)\s*(?<max>\d{1,2}(?:\.\d{1,2})?))?\s*(?:hours|hrs|hr|hour)\b(?:\s*(?:per|a|each|/|p/?)\s*(?:week|wk|w)\b)?",
        RegexOptions.CultureInvariant)]
    private static partial Regex HoursPerWeekPattern();

    [GeneratedRegex(
        @"\bterm[\s-]*times?\b|\bterm\s+only\b|\bschool[\s-]+hours\b|\bduring\s+(?:school\s+)?terms?\b|\bt\.?\s?t\.?\s?o\b|\btt\s+only\b"
        + @"|\b3[6-9]\s*(?:weeks|wks)\b|\bschool\s+holidays\s+off\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex TermTimePattern();

    // Says the job runs through the holidays, whatever else it says about term time ("not term time only").
    [GeneratedRegex(
        @"\ball[\s-]+year(?:[\s-]+round)?\b|\byear[\s-]+round\b|\b52\s+weeks\b|\bnot\s+term[\s-]*time\b|\b(?:including|throughout)\s+(?:the\s+)?school\s+holidays\b|\bplus\s+(?:some\s+)?(?:school\s+)?holiday",
        RegexOptions.CultureInvariant)]
    private static partial Regex YearRoundPattern();

    [GeneratedRegex(@"\bmornings?\b|\bbreakfast\b", RegexOptions.CultureInvariant)]
    private static partial Regex MorningPattern();

    [GeneratedRegex(@"\bevenings?\b|\bnights?\b|\bafter[\s-]+school\b", RegexOptions.CultureInvariant)]
    private static partial Regex EveningPattern();

    // "4 hours a day between 9 and 3": the range is a window to work in, not the hours.
    [GeneratedRegex(@"\d\s*(?:hours?|hrs?)\s+(?:a|per|each)\s+day\b.*\b(?:between|within)\b|\b(?:between|within)\b.*\d\s*(?:hours?|hrs?)\s+(?:a|per|each)\s+day\b", RegexOptions.CultureInvariant)]
    private static partial Regex HoursWithinWindowPattern();

    [GeneratedRegex(@"(?<![a-z])(?<p>[ap])\.\s?m\b\.?", RegexOptions.CultureInvariant)]
    private static partial Regex MeridiemPattern();

    [GeneratedRegex(@"(?<t>\d)\s*o'?\s*clock\b", RegexOptions.CultureInvariant)]
    private static partial Regex OClockPattern();

    // "0800hrs", "14:00 hrs": the clock time, not a number of hours.
    [GeneratedRegex(@"(?<t>\b\d{1,2}[:.]\d{2}|\b\d{4})\s*(?:hrs|hr|h)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ClockHrsPattern();

    [GeneratedRegex(@"\bm\s*-\s*f\b", RegexOptions.CultureInvariant)]
    private static partial Regex MondayToFridayLetters();

    [GeneratedRegex(
        @"\b(?:(?<half>half)\s+(?:past\s+)?|(?<past>quarter)\s+past\s+|(?<to>quarter)\s+to\s+)(?<h>\d{1,2}|" + HourWord + @")\b(?![:.]\d)",
        RegexOptions.CultureInvariant)]
    private static partial Regex ColloquialPattern();

    // "nine till three", "9 till three": a worded hour next to a range separator and another hour.
    [GeneratedRegex(
        @"\b(?<a>" + HourWord + @"|\d{1,2})(?<sep>\s*(?:-|to|till|til|until)\s*)(?<b>" + HourWord + @"|\d{1,2})\b(?![:.]?\d)",
        RegexOptions.CultureInvariant)]
    private static partial Regex WordedRangePattern();

    // Words that make any stated days or times a starting point rather than the hours.
    [GeneratedRegex(
        @"\bflexi\w*|(?<!\bsplit\s+)\bshifts\b|\bshift\s+(?:work|pattern|basis)\b|\brota\w*|\bto\s+be\s+(?:agreed|confirmed|discussed|arranged)|\bt\.?b\.?[ca]\b|\bnegotiable\b|\bvar(?:ied|ious|iable|y)\b"
        + @"|\bas\s+required\b|\bad[\s-]hoc\b|\bzero[\s-]hours?\b|\bon[\s-]call\b|\bovertime\b|\boccasional\w*|\balternate\b|\bsome\b|\bincluding\b"
        + @"|\bexcept\b|\bexcluding\b|\bnot\b|\bor\b|\bapprox\w*|\baround\b|\bup\s+to\b|\bminimum\b|(?<!\d\s*)\bmin\b|\bmax\w*|\bsleep[\s-]?ins?\b|(?<!(?:day|days|mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)\s+)\bnights\b|\bcasual\b|\bbank\b|\brelief\b|\bdays\s+(?:to\s+be|tbc|tba)"
        + @"|\bevery\s+other\b|\bfortnight\w*|\bdays?\s+off\b|\bto\s+suit\b|\bany\b|\bholidays?\s+(?:only|club|cover)\b|\bduring\s+(?:the\s+)?(?:school\s+)?holidays\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex LoosenerPattern();
}

using System.Globalization;
using Pilot.Shared.Vacancies.Hours;

namespace Pilot.Shared.UnitTests.Vacancies;

/// <summary>One phrasing of the hours corpus and the reading a careful person gives it (no pattern: unclear).</summary>
public sealed record HoursPhrasing(int Line, string Sector, string Text, WeeklyPattern? Reading, bool TermTimeOnly);

/// <summary>
/// How <see cref="HoursParser"/> reads the corpus. A clear reading is right when its pattern and its term time
/// both agree with the person's; a clear reading of a phrasing the person finds unclear is wrong.
/// </summary>
public sealed record HoursCorpusFigures(
    int Total,
    int Unambiguous,
    int ReadClear,
    int ClearRight,
    int ClearWrong,
    int UnambiguousReadClear,
    int TermTimeWrong,
    IReadOnlyList<string> Wrong,
    IReadOnlyList<string> Missed)
{
    public double UnambiguousReadClearShare => Unambiguous == 0 ? 0 : (double)UnambiguousReadClear / Unambiguous;

    public IEnumerable<string> Lines()
    {
        yield return string.Create(CultureInfo.InvariantCulture, $"hours corpus: {Total} phrasings, {Unambiguous} unambiguous to a careful reader");
        yield return string.Create(CultureInfo.InvariantCulture, $"read as clear: {ReadClear}; of those right: {ClearRight}; clear but wrong: {ClearWrong}");
        yield return string.Create(CultureInfo.InvariantCulture, $"unambiguous read as clear: {UnambiguousReadClear} of {Unambiguous} ({UnambiguousReadClearShare:P1}); term time wrong on any phrasing: {TermTimeWrong}");
    }
}

/// <summary>The corpus file (<c>HoursCorpus.tsv</c>, its columns described in its header) and its scoring.</summary>
public static class HoursCorpus
{
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Vacancies", "HoursCorpus.tsv");

    public static IReadOnlyList<HoursPhrasing> Load(string path)
    {
        var phrasings = new List<HoursPhrasing>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 || lines[i].StartsWith('#') || lines[i].StartsWith("sector\t", StringComparison.Ordinal))
            {
                continue;
            }

            var cells = lines[i].Split('\t');
            if (cells.Length != 4 || cells[3] is not ("term" or "year"))
            {
                throw new FormatException($"{path} line {i + 1}: expected sector, text, reading, term|year");
            }

            var reading = cells[2] == "unclear" ? null : ParseReading(cells[2]);
            phrasings.Add(new HoursPhrasing(i + 1, cells[0], cells[1], reading, cells[3] == "term"));
        }

        return phrasings;
    }

    /// <summary>
    /// "Mon-Fri 07:30-09:00 + Sat,Sun 10:00-16:00" as a week. The times are exact; like the parser's, the pattern
    /// starts at the quarter-hour at or before the start and ends at the one at or after the end.
    /// </summary>
    public static WeeklyPattern ParseReading(string reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var pattern = WeeklyPattern.Empty;
        foreach (var part in reading.Split(" + "))
        {
            var space = part.IndexOf(' ', StringComparison.Ordinal);
            var times = part[(space + 1)..].Split('-');
            var from = Minutes(times[0]);
            var to = Minutes(times[1]);
            pattern = pattern.Union(WeeklyPattern.FromDayRange(Days(part[..space]), from / 15, (to + 14) / 15));
        }

        return pattern;
    }

    public static HoursCorpusFigures Score(IReadOnlyList<HoursPhrasing> phrasings)
    {
        ArgumentNullException.ThrowIfNull(phrasings);
        int readClear = 0, right = 0, unambiguousReadClear = 0, termWrong = 0;
        var wrong = new List<string>();
        var missed = new List<string>();
        foreach (var phrasing in phrasings)
        {
            _ = HoursParser.TryParse(phrasing.Text, out var parsed);
            if (parsed.TermTimeOnly != phrasing.TermTimeOnly)
            {
                termWrong++;
                wrong.Add($"line {phrasing.Line} \"{phrasing.Text}\": term time only read {parsed.TermTimeOnly}");
            }

            if (parsed.IsClear)
            {
                readClear++;
                if (phrasing.Reading is not null && phrasing.Reading.Equals(parsed.Pattern) && parsed.TermTimeOnly == phrasing.TermTimeOnly)
                {
                    right++;
                }
                else if (parsed.TermTimeOnly == phrasing.TermTimeOnly)
                {
                    wrong.Add($"line {phrasing.Line} \"{phrasing.Text}\": read {parsed.Pattern!.Describe()}, expected {phrasing.Reading?.Describe() ?? "unclear"}");
                }
            }

            if (phrasing.Reading is not null)
            {
                if (parsed.IsClear)
                {
                    unambiguousReadClear++;
                }
                else
                {
                    missed.Add($"line {phrasing.Line} \"{phrasing.Text}\": {parsed.UnclearBecause}");
                }
            }
        }

        return new HoursCorpusFigures(
            phrasings.Count,
            phrasings.Count(p => p.Reading is not null),
            readClear,
            right,
            readClear - right,
            unambiguousReadClear,
            termWrong,
            wrong,
            missed);
    }

    private static int Minutes(string clock) =>
        (int.Parse(clock[..2], CultureInfo.InvariantCulture) * 60) + int.Parse(clock[3..], CultureInfo.InvariantCulture);

    private static readonly string[] DayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    private static List<DayOfWeek> Days(string days)
    {
        var result = new List<DayOfWeek>();
        foreach (var item in days.Split(','))
        {
            var ends = item.Split('-');
            var first = Array.IndexOf(DayNames, ends[0]);
            var last = Array.IndexOf(DayNames, ends[^1]);
            if (first < 0 || last < first)
            {
                throw new FormatException($"cannot read the days \"{days}\"");
            }

            for (var d = first; d <= last; d++)
            {
                result.Add(WeeklyPattern.DayOf(d));
            }
        }

        return result;
    }
}

using System.Globalization;
using System.Text;

namespace Pilot.Shared.Vacancies.Hours;

/// <summary>
/// A week at 15-minute resolution: 7 days (Monday first) of 96 quarter-hours, two 64-bit words a
/// day (quarters 0-63, then 64-95). Matching is then a handful of AND operations. The week is a
/// ring: Sunday's last quarter is followed by Monday's first, so a night shift or a travel buffer
/// can cross midnight. Immutable.
/// </summary>
public sealed class WeeklyPattern : IEquatable<WeeklyPattern>
{
    public const int QuartersPerDay = 96;
    public const int DaysPerWeek = 7;
    public const int QuartersPerWeek = QuartersPerDay * DaysPerWeek;
    public const int WordCount = DaysPerWeek * 2;

    private const ulong HighWordMask = (1UL << (QuartersPerDay - 64)) - 1;

    private readonly ulong[] _words;

    private WeeklyPattern(ulong[] words) => _words = words;

    public static WeeklyPattern Empty { get; } = new(new ulong[WordCount]);

    /// <summary>Every quarter of every day.</summary>
    public static WeeklyPattern Always { get; } = FromQuarters(Enumerable.Range(0, QuartersPerWeek));

    /// <summary>The words, two per day from Monday, for callers that keep patterns in flat arrays.</summary>
    public ReadOnlySpan<ulong> Words => _words;

    public bool IsEmpty => _words.All(w => w == 0);

    public int QuarterCount => _words.Sum(w => System.Numerics.BitOperations.PopCount(w));

    /// <summary>Hours covered in the week (after rounding out to whole quarters).</summary>
    public double HoursPerWeek => QuarterCount / 4.0;

    /// <summary>Monday = 0 ... Sunday = 6.</summary>
    public static int DayIndex(DayOfWeek day) => ((int)day + 6) % 7;

    public static DayOfWeek DayOf(int dayIndex) => (DayOfWeek)((dayIndex + 1) % 7);

    /// <summary>
    /// The quarters from <paramref name="fromQuarter"/> (inclusive) to <paramref name="toQuarter"/>
    /// (exclusive, up to 96) on each of the days; a range that ends at or before its start runs
    /// past midnight into the next day.
    /// </summary>
    public static WeeklyPattern FromDayRange(IEnumerable<DayOfWeek> days, int fromQuarter, int toQuarter)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentOutOfRangeException.ThrowIfNegative(fromQuarter);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fromQuarter, QuartersPerDay - 1);
        ArgumentOutOfRangeException.ThrowIfNegative(toQuarter);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(toQuarter, QuartersPerDay);

        var length = toQuarter > fromQuarter ? toQuarter - fromQuarter : toQuarter + QuartersPerDay - fromQuarter;
        var words = new ulong[WordCount];
        foreach (var day in days.Distinct())
        {
            var start = (DayIndex(day) * QuartersPerDay) + fromQuarter;
            for (var i = 0; i < length; i++)
            {
                Set(words, (start + i) % QuartersPerWeek);
            }
        }

        return new WeeklyPattern(words);
    }

    /// <summary>Quarters numbered across the week: Monday 00:00 is 0, Sunday 23:45 is 671.</summary>
    public static WeeklyPattern FromQuarters(IEnumerable<int> weekQuarters)
    {
        ArgumentNullException.ThrowIfNull(weekQuarters);
        var words = new ulong[WordCount];
        foreach (var q in weekQuarters)
        {
            Set(words, ((q % QuartersPerWeek) + QuartersPerWeek) % QuartersPerWeek);
        }

        return new WeeklyPattern(words);
    }

    public bool Contains(int weekQuarter)
    {
        var (word, bit) = Locate(weekQuarter);
        return (_words[word] & (1UL << bit)) != 0;
    }

    public bool Contains(DayOfWeek day, int quarter) => Contains((DayIndex(day) * QuartersPerDay) + quarter);

    public WeeklyPattern Union(WeeklyPattern other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var words = new ulong[WordCount];
        for (var i = 0; i < WordCount; i++)
        {
            words[i] = _words[i] | other._words[i];
        }

        return new WeeklyPattern(words);
    }

    /// <summary>True when every quarter of this pattern is also in <paramref name="container"/>.</summary>
    public bool IsInside(WeeklyPattern container)
    {
        ArgumentNullException.ThrowIfNull(container);
        return IsInside(_words, container._words);
    }

    /// <summary>The fit test: (job AND NOT availability) == 0, word by word.</summary>
    public static bool IsInside(ReadOnlySpan<ulong> inner, ReadOnlySpan<ulong> container)
    {
        ulong outside = 0;
        for (var i = 0; i < WordCount; i++)
        {
            outside |= inner[i] & ~container[i];
        }

        return outside == 0;
    }

    /// <summary>
    /// Widens every run of quarters by <paramref name="quarters"/> on both sides (the travel there
    /// before the start and back after the end), wrapping round the week.
    /// </summary>
    public WeeklyPattern Widen(int quarters)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quarters);
        if (quarters == 0 || IsEmpty)
        {
            return this;
        }

        var words = new ulong[WordCount];
        Widen(_words, quarters, words);
        return new WeeklyPattern(words);
    }

    /// <summary>
    /// <see cref="Widen(int)"/> on flat words, for callers that keep patterns in arrays: one
    /// quarter at a time on both sides, each step a few shifts per day with the carry into the
    /// neighbouring days (Sunday's neighbour is Monday).
    /// </summary>
    public static void Widen(ReadOnlySpan<ulong> pattern, int quarters, Span<ulong> widened)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quarters);
        ArgumentOutOfRangeException.ThrowIfLessThan(pattern.Length, WordCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(widened.Length, WordCount);
        Span<UInt128> days = stackalloc UInt128[DaysPerWeek];
        for (var d = 0; d < DaysPerWeek; d++)
        {
            days[d] = new UInt128(pattern[(d * 2) + 1] & HighWordMask, pattern[d * 2]);
        }

        // Once 2q+1 covers the whole week every non-empty pattern is the whole week.
        var steps = Math.Min(quarters, QuartersPerWeek / 2);
        var dayMask = (UInt128.One << QuartersPerDay) - UInt128.One;
        Span<UInt128> next = stackalloc UInt128[DaysPerWeek];
        for (var step = 0; step < steps; step++)
        {
            for (var d = 0; d < DaysPerWeek; d++)
            {
                var day = days[d];
                var fromPrevious = days[(d + DaysPerWeek - 1) % DaysPerWeek] >> (QuartersPerDay - 1);
                var fromNext = (days[(d + 1) % DaysPerWeek] & UInt128.One) << (QuartersPerDay - 1);
                next[d] = (day | ((day << 1) & dayMask) | (day >> 1) | fromPrevious | fromNext) & dayMask;
            }

            next.CopyTo(days);
        }

        for (var d = 0; d < DaysPerWeek; d++)
        {
            widened[d * 2] = (ulong)days[d];
            widened[(d * 2) + 1] = (ulong)(days[d] >> 64);
        }
    }

    /// <summary>The quarters of one day (0-95) as a 128-bit value; bit n is quarter n.</summary>
    public UInt128 Day(DayOfWeek day)
    {
        var i = DayIndex(day) * 2;
        return new UInt128(_words[i + 1] & HighWordMask, _words[i]);
    }

    /// <summary>
    /// A short summary for texts: days with the same hours grouped ("Mon-Fri 9:30-2:30",
    /// "Tue, Thu 10:00-1:00"); several runs in a day are joined with " & ".
    /// </summary>
    public string Describe()
    {
        var groups = new List<(List<int> Days, UInt128 Mask)>();
        for (var d = 0; d < DaysPerWeek; d++)
        {
            var mask = Day(DayOf(d));
            if (mask == UInt128.Zero)
            {
                continue;
            }

            var group = groups.FindIndex(g => g.Mask == mask);
            if (group < 0)
            {
                groups.Add((new List<int> { d }, mask));
            }
            else
            {
                groups[group].Days.Add(d);
            }
        }

        if (groups.Count == 0)
        {
            return "no hours";
        }

        return string.Join("; ", groups.Select(g => $"{DescribeDays(g.Days)} {DescribeRuns(g.Mask)}"));
    }

    private static readonly string[] DayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    private static string DescribeDays(List<int> days)
    {
        var contiguous = days.Count > 2 && days[^1] - days[0] == days.Count - 1;
        return contiguous
            ? $"{DayNames[days[0]]}-{DayNames[days[^1]]}"
            : string.Join(", ", days.Select(d => DayNames[d]));
    }

    private static string DescribeRuns(UInt128 mask)
    {
        var runs = new List<(int From, int To)>();
        var q = 0;
        while (q < QuartersPerDay)
        {
            if (((mask >> q) & UInt128.One) == UInt128.Zero)
            {
                q++;
                continue;
            }

            var start = q;
            while (q < QuartersPerDay && ((mask >> q) & UInt128.One) != UInt128.Zero)
            {
                q++;
            }

            runs.Add((start, q));
        }

        // Daytime hours read naturally on a 12-hour clock without am/pm ("9:30-2:30"), as parents
        // write them; anything before 7am or after 7pm says am/pm so an evening is not misread.
        var daytime = runs.All(r => r.From >= 7 * 4 && r.To <= 19 * 4);
        var text = new StringBuilder();
        foreach (var (from, to) in runs)
        {
            if (text.Length > 0)
            {
                text.Append(" & ");
            }

            text.Append(Clock(from, daytime)).Append('-').Append(Clock(to, daytime));
        }

        return text.ToString();
    }

    private static string Clock(int quarter, bool daytime)
    {
        var hour24 = quarter / 4 % 24;
        var minute = quarter % 4 * 15;
        var hour12 = hour24 % 12 == 0 ? 12 : hour24 % 12;
        var clock = string.Create(CultureInfo.InvariantCulture, $"{hour12}:{minute:00}");
        return daytime ? clock : clock + (hour24 < 12 ? "am" : "pm");
    }

    public bool Equals(WeeklyPattern? other) => other is not null && _words.AsSpan().SequenceEqual(other._words);

    public override bool Equals(object? obj) => Equals(obj as WeeklyPattern);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var w in _words)
        {
            hash.Add(w);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => Describe();

    private static (int Word, int Bit) Locate(int weekQuarter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(weekQuarter);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(weekQuarter, QuartersPerWeek);
        var day = weekQuarter / QuartersPerDay;
        var quarter = weekQuarter % QuartersPerDay;
        return ((day * 2) + (quarter >> 6), quarter & 63);
    }

    private static void Set(ulong[] words, int weekQuarter)
    {
        var (word, bit) = Locate(weekQuarter);
        words[word] |= 1UL << bit;
    }
}

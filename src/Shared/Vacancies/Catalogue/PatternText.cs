using System.Globalization;
using Pilot.Shared.Vacancies.Hours;

namespace Pilot.Shared.Vacancies.Catalogue;

/// <summary>A <see cref="WeeklyPattern"/> as stored in a table column: its 14 words in hex, comma-separated.</summary>
public static class PatternText
{
    public static string Write(WeeklyPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return string.Join(',', pattern.Words.ToArray().Select(w => w.ToString("x", CultureInfo.InvariantCulture)));
    }

    public static WeeklyPattern Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split(',');
        if (words.Length != WeeklyPattern.WordCount)
        {
            throw new FormatException($"A stored weekly pattern has {WeeklyPattern.WordCount} words, not {words.Length}.");
        }

        var quarters = new List<int>();
        for (var w = 0; w < words.Length; w++)
        {
            var word = ulong.Parse(words[w], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var day = w / 2;
            var firstQuarter = (day * WeeklyPattern.QuartersPerDay) + (w % 2 * 64);
            for (var bit = 0; bit < 64; bit++)
            {
                if ((word & (1UL << bit)) != 0)
                {
                    quarters.Add(firstQuarter + bit);
                }
            }
        }

        return WeeklyPattern.FromQuarters(quarters);
    }
}

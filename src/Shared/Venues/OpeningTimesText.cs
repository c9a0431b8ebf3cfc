using Pilot.Shared.Vacancies.Catalogue;

namespace Pilot.Shared.Venues;

/// <summary>
/// Opening times in one CSV cell: windows separated by <c>;</c>, each days then <c>HH:mm-HH:mm</c>, the days a
/// comma list of names and ranges: <c>Mon-Fri 08:30-17:00</c>, <c>Mon, Tue, Thu, Fri 09:00-17:00; Wed 10:00-17:00</c>.
/// It only splits the cell into the windows <c>openingTimes</c> takes in JSON; <see cref="VenueValidation"/> checks them.
/// </summary>
public static class OpeningTimesText
{
    private static readonly string[] DayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    /// <returns>The windows, or null (with the reason) when the cell does not have that shape.</returns>
    public static IReadOnlyList<WeeklyWindowRequest?>? Parse(string? text, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "is required, like \"Mon-Fri 09:00-17:00; Sat 10:00-12:00\"";
            return null;
        }

        var windows = new List<WeeklyWindowRequest?>();
        foreach (var part in text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var space = part.LastIndexOf(' ');
            var times = space < 0 ? [] : part[(space + 1)..].Split('-');
            if (space < 0 || times.Length != 2)
            {
                error = $"\"{Shorten(part)}\" must be days then times, like \"Mon-Fri 09:00-17:00\"";
                return null;
            }

            var days = new List<string?>();
            foreach (var item in part[..space].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var range = item.Split('-', StringSplitOptions.TrimEntries);
                if (range.Length == 2 && Index(range[0]) is { } first && Index(range[1]) is { } last && last >= first)
                {
                    days.AddRange(DayNames[first..(last + 1)]);
                }
                else if (range.Length == 1)
                {
                    days.Add(item);
                }
                else
                {
                    error = $"\"{Shorten(item)}\" must be a day (Mon..Sun) or a range of days in week order, like Mon-Fri";
                    return null;
                }
            }

            windows.Add(new WeeklyWindowRequest(days, times[0].Trim(), times[1].Trim()));
        }

        if (windows.Count == 0)
        {
            error = "is required, like \"Mon-Fri 09:00-17:00\"";
            return null;
        }

        return windows;
    }

    /// <summary>The windows in the same form, days in week order and runs of three or more as ranges: <c>Mon-Fri 08:30-17:00</c>.</summary>
    public static string Write(IEnumerable<OpeningWindow> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        return string.Join("; ", windows.Select(w => $"{WriteDays(w.Days)} {w.From}-{w.To}"));
    }

    private static string WriteDays(IReadOnlyList<string> days)
    {
        var indexes = days.Select(Index).OfType<int>().Distinct().Order().ToList();
        var parts = new List<string>();
        for (var i = 0; i < indexes.Count;)
        {
            var j = i;
            while (j + 1 < indexes.Count && indexes[j + 1] == indexes[j] + 1)
            {
                j++;
            }

            if (j - i >= 2)
            {
                parts.Add($"{DayNames[indexes[i]]}-{DayNames[indexes[j]]}");
            }
            else
            {
                parts.AddRange(indexes[i..(j + 1)].Select(d => DayNames[d]));
            }

            i = j + 1;
        }

        return string.Join(", ", parts);
    }

    private static int? Index(string day)
    {
        var index = Array.FindIndex(DayNames, d => day.Length >= 3 && day.StartsWith(d, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : index;
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "..." : text;
}

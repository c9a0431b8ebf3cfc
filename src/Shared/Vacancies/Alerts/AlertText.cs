using System.Globalization;
using Pilot.Shared.Sms;
using Pilot.Shared.Vacancies.Catalogue;

namespace Pilot.Shared.Vacancies.Alerts;

/// <summary>
/// The wording of alert texts (English, GSM-7). An alert names the job, employer, area, hours,
/// distance, how to apply and how to stop alerts, in one fragment when the content allows: wordings
/// go from fullest to shortest, then the title and employer are cut, never the apply link or number.
/// The validation limits (title, employer, URL lengths) keep the worst case to two fragments. A
/// digest lists the nearest first and stops at three fragments, saying how many more there were.
/// </summary>
public static class AlertText
{
    public const string StopWords = "JOBS OFF";
    public const int MaxAlertFragments = 2;
    public const int MaxDigestFragments = 3;

    public const string AlertsOffConfirmed = "You will get no more job alert texts. Appointment reminders carry on. To get job alerts again, reply JOBS ON.";
    public const string AlertsOnConfirmed = "Job alert texts are back on. Reply JOBS OFF to stop them.";

    private static readonly string[] Wordings =
    [
        "Job near you: {title}, {employer}, {area}. {hours}. {km} km away. Apply: {apply}. Reply JOBS OFF to stop job texts.",
        "Job: {title}, {employer}, {area}. {hours}. {km} km. Apply: {apply}. Reply JOBS OFF to stop job texts.",
        "Job: {title}, {employer}, {area}. {hours}. {km}km. Apply {apply}. Reply JOBS OFF to stop",
    ];

    private static readonly (int Title, int Employer)[] Cuts = [(int.MaxValue, int.MaxValue), (40, 30), (28, 20), (20, 14)];

    public static string Alert(VacancyEntity vacancy, double distanceKm)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        string? best = null;
        var bestFragments = int.MaxValue;
        foreach (var (titleMax, employerMax) in Cuts)
        {
            foreach (var wording in Wordings)
            {
                var text = wording
                    .Replace("{title}", Cut(vacancy.Title, titleMax), StringComparison.Ordinal)
                    .Replace("{employer}", Cut(vacancy.Employer, employerMax), StringComparison.Ordinal)
                    .Replace("{area}", vacancy.Area, StringComparison.Ordinal)
                    .Replace("{hours}", Hours(vacancy), StringComparison.Ordinal)
                    .Replace("{km}", Km(distanceKm), StringComparison.Ordinal)
                    .Replace("{apply}", Apply(vacancy), StringComparison.Ordinal);
                var fragments = SmsText.Analyse(text).Fragments;
                if (fragments == 1)
                {
                    return text;
                }

                // Among two-fragment wordings keep the fullest (the first found).
                if (fragments < bestFragments)
                {
                    (best, bestFragments) = (text, fragments);
                }
            }
        }

        return best!;
    }

    /// <summary>The day's matches, nearest first, in at most three fragments: "... and 4 more".</summary>
    public static string Digest(IReadOnlyList<(VacancyEntity Vacancy, double DistanceKm)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        const string Stop = " Reply JOBS OFF to stop job texts.";
        var ordered = items.OrderBy(i => i.DistanceKm).ToList();
        var head = ordered.Count == 1 ? "1 job for you today:" : $"{ordered.Count} jobs for you today:";
        var lines = new List<string>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var (v, km) = ordered[i];
            var line = $" {i + 1}) {Cut(v.Title, 40)}, {Cut(v.Employer, 30)}, {v.Area}, {Hours(v)}, {Km(km)} km, apply {Apply(v)}.";
            var more = ordered.Count - i - 1;
            var candidate = head + string.Concat(lines) + line + (more > 0 ? $" And {more} more." : "") + Stop;
            if (lines.Count > 0 && SmsText.Analyse(candidate).Fragments > MaxDigestFragments)
            {
                break;
            }

            lines.Add(line);
        }

        var left = ordered.Count - lines.Count;
        return head + string.Concat(lines) + (left > 0 ? $" And {left} more." : "") + Stop;
    }

    /// <summary>The hours as a parent reads them: the pattern when known ("Mon-Fri 9:30-2:30 term time"), else the advert's words.</summary>
    public static string Hours(VacancyEntity vacancy)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        var term = vacancy.TermTimeOnly ? " term time" : "";
        return vacancy.Hours is null
            ? $"Hours: {Cut(vacancy.HoursText, 30)}"
            : PatternText.Read(vacancy.Hours).Describe() + term;
    }

    private static string Apply(VacancyEntity v) => v.ApplyUrl ?? v.ApplyPhone ?? "";

    private static string Km(double km) => km.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 3)].TrimEnd() + "...";
}

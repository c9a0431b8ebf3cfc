using System.Globalization;
using Pilot.Shared.Sms;
using Pilot.Shared.Sms.Templates;
using Pilot.Shared.Vacancies.Catalogue;

namespace Pilot.Shared.Vacancies.Alerts;

/// <summary>
/// Alert and digest texts, worded in the language files (<c>Sms/Templates/Data</c>, templates <c>vacancy-*</c> and
/// <c>jobs-*-confirmed</c>) next to every other text a parent gets. An alert names the job, employer, area, hours,
/// distance, how to apply and how to stop alerts, in one fragment when the content allows: wordings go from fullest
/// to shortest, then the title and employer are cut, never the apply link or number. The validation limits (title,
/// employer, URL lengths) keep the worst case to two fragments. A digest lists the nearest first and stops at three
/// fragments, saying how many more there were.
/// </summary>
public static class AlertText
{
    public const string StopWords = "JOBS OFF";
    public const int MaxAlertFragments = 2;
    public const int MaxDigestFragments = 3;

    private static readonly (int Title, int Employer)[] Cuts = [(int.MaxValue, int.MaxValue), (40, 30), (28, 20), (20, 14)];

    private static readonly Dictionary<string, string> Empty = new(StringComparer.Ordinal);

    /// <summary>The answer to JOBS OFF, in the parent's language.</summary>
    public static string AlertsOffConfirmed(string? language = null) => TextTemplates.Render(TemplateKeys.JobsOffConfirmed, language, Empty).Text;

    /// <summary>The answer to JOBS ON, in the parent's language.</summary>
    public static string AlertsOnConfirmed(string? language = null) => TextTemplates.Render(TemplateKeys.JobsOnConfirmed, language, Empty).Text;

    public static string Alert(VacancyEntity vacancy, double distanceKm, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        RenderedText? best = null;
        foreach (var (titleMax, employerMax) in Cuts)
        {
            foreach (var text in TextTemplates.Variants(TemplateKeys.VacancyAlert, language, Values(vacancy, distanceKm, titleMax, employerMax)))
            {
                if (text.Analysis.Fragments == 1)
                {
                    return text.Text;
                }

                // Among two-fragment wordings keep the fullest (the first found).
                if (best is null || text.Analysis.Fragments < best.Analysis.Fragments)
                {
                    best = text;
                }
            }
        }

        return best!.Text;
    }

    /// <summary>The day's matches, nearest first, in at most three fragments: "... and 4 more".</summary>
    public static string Digest(IReadOnlyList<(VacancyEntity Vacancy, double DistanceKm)> items, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var ordered = items.OrderBy(i => i.DistanceKm).ToList();
        var lines = new List<string>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var (v, km) = ordered[i];
            var line = TextTemplates.Render(TemplateKeys.VacancyDigestLine, language, new Dictionary<string, string>(Values(v, km, 40, 30), StringComparer.Ordinal)
            {
                [TemplateKeys.Number] = (i + 1).ToString(CultureInfo.InvariantCulture),
            }).Text;
            if (lines.Count > 0 && SmsText.Analyse(Compose(ordered.Count, [.. lines, line], language)).Fragments > MaxDigestFragments)
            {
                break;
            }

            lines.Add(line);
        }

        return Compose(ordered.Count, lines, language);
    }

    private static string Compose(int count, List<string> lines, string? language)
    {
        var jobs = string.Concat(lines);
        if (count == 1)
        {
            return TextTemplates.Render(TemplateKeys.VacancyDigestOne, language, new Dictionary<string, string>(StringComparer.Ordinal) { [TemplateKeys.Jobs] = jobs }).Text;
        }

        var more = count - lines.Count;
        return TextTemplates.Render(TemplateKeys.VacancyDigest, language, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [TemplateKeys.Count] = count.ToString(CultureInfo.InvariantCulture),
            [TemplateKeys.Jobs] = jobs,
            [TemplateKeys.More] = more > 0 ? more.ToString(CultureInfo.InvariantCulture) : "",
        }).Text;
    }

    private static Dictionary<string, string> Values(VacancyEntity vacancy, double distanceKm, int titleMax, int employerMax) => new(StringComparer.Ordinal)
    {
        [TemplateKeys.Title] = Cut(vacancy.Title, titleMax),
        [TemplateKeys.Employer] = Cut(vacancy.Employer, employerMax),
        [TemplateKeys.Area] = vacancy.Area,
        [TemplateKeys.Hours] = Hours(vacancy),
        [TemplateKeys.Km] = Km(distanceKm),
        [TemplateKeys.Apply] = Apply(vacancy),
    };

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

namespace Pilot.Shared.Vacancies.Matching;

/// <summary>
/// Checks every (parent, vacancy) pair with <see cref="MatchRules.Evaluate"/>. The reference the
/// indexed matcher is tested against; too slow for national numbers.
/// </summary>
public sealed class NaiveMatcher(IReadOnlyList<ParentProfile> parents) : IVacancyMatcher
{
    /// <summary>Matches by vacancy, then by the parents' order as given.</summary>
    public IReadOnlyList<VacancyMatch> Match(IReadOnlyList<Vacancy> vacancies)
    {
        ArgumentNullException.ThrowIfNull(vacancies);
        var matches = new List<VacancyMatch>();
        foreach (var vacancy in vacancies)
        {
            foreach (var parent in parents)
            {
                if (MatchRules.Evaluate(parent, vacancy) is { } match)
                {
                    matches.Add(match);
                }
            }
        }

        return matches;
    }
}

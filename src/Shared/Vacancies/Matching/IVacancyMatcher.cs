namespace Pilot.Shared.Vacancies.Matching;

/// <summary>Finds, for a batch of vacancies, every (parent, vacancy) pair that fits.</summary>
public interface IVacancyMatcher
{
    IReadOnlyList<VacancyMatch> Match(IReadOnlyList<Vacancy> vacancies);
}

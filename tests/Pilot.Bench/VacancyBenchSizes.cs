namespace Pilot.Bench;

/// <summary>The vacancies bench: the national run and the subset compared with the naive check.</summary>
internal sealed record VacancyBenchSizes(int Parents, int Vacancies, int SubsetParents, int SubsetVacancies);

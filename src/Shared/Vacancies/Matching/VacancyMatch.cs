namespace Pilot.Shared.Vacancies.Matching;

/// <summary>A vacancy that fits a parent, with a one-line reason a parent can read.</summary>
public sealed record VacancyMatch(string ParentId, string VacancyRef, double DistanceKm, string Reason);

namespace Pilot.Shared.Vacancies.Matching;

/// <summary>
/// A match without its reason: positions in the parent list the matcher was built from and in the
/// vacancy list it was given. <see cref="IndexedMatcher.ToMatch"/> turns it into a <see cref="VacancyMatch"/>.
/// </summary>
public readonly record struct MatchPair(int ParentIndex, int VacancyIndex, double DistanceKm);

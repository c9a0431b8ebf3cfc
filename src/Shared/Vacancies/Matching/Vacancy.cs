using Pilot.Shared.Postcodes;
using Pilot.Shared.Vacancies.Hours;

namespace Pilot.Shared.Vacancies.Matching;

/// <summary>A vacancy as matching sees it; <see cref="Hours"/> is null when its hours text was unclear.</summary>
public sealed record Vacancy(
    string Ref,
    string Title,
    GeoPoint Location,
    string Category,
    IReadOnlyList<string> Keywords,
    WeeklyPattern? Hours,
    bool TermTimeOnly,
    double? HoursPerWeek);

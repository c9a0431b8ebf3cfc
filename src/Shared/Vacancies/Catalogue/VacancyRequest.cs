namespace Pilot.Shared.Vacancies.Catalogue;

/// <summary>One vacancy of a batch (<c>POST /api/vacancies</c>, the feed queue, or a CSV row).</summary>
public sealed record VacancyRequest(
    string? Ref,
    string? Title,
    string? Employer,
    string? Postcode,
    string? HoursText,
    IReadOnlyList<WeeklyWindowRequest?>? WeeklyPattern,
    double? HoursPerWeek,
    bool? TermTimeOnly,
    SalaryRequest? Salary,
    string? Category,
    IReadOnlyList<string?>? Keywords,
    string? ExpiryDate,
    ApplyRequest? Apply);

public sealed record SalaryRequest(double? Min, double? Max, string? Period);

public sealed record ApplyRequest(string? Url, string? Phone);

namespace Pilot.Shared.Vacancies.Catalogue;

/// <summary>One weekly window as the API takes it: <c>{ "days": ["Mon","Tue"], "from": "09:15", "to": "14:45" }</c>.</summary>
public sealed record WeeklyWindowRequest(IReadOnlyList<string?>? Days, string? From, string? To);

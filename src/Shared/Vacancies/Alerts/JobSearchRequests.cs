namespace Pilot.Shared.Vacancies.Alerts;

/// <summary><c>jobInterests</c> of <c>POST /api/parents</c>: categories and keywords (any one is enough).</summary>
public sealed record JobInterestsRequest(IReadOnlyList<string?>? Categories, IReadOnlyList<string?>? Keywords);

/// <summary><c>alerts</c> of <c>POST /api/parents</c>: explicit opt-in, separate from reminder consent.</summary>
public sealed record AlertsRequest(bool? OptIn, int? MaxPerWeek, string? Mode);

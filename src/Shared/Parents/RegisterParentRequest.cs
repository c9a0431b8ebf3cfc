using Pilot.Shared.Vacancies.Alerts;
using Pilot.Shared.Vacancies.Catalogue;

namespace Pilot.Shared.Parents;

/// <summary>The body of <c>POST /api/parents</c>; the fields after <see cref="Consents"/> are the optional job search (issue 4).</summary>
public sealed record RegisterParentRequest(
    string? FirstName,
    string? Mobile,
    AddressRequest? Address,
    string? PreferredLanguage,
    ConsentsRequest? Consents,
    IReadOnlyList<WeeklyWindowRequest?>? Availability = null,
    bool? TermTimeOnly = null,
    double? MaxTravelKm = null,
    string? TravelMode = null,
    JobInterestsRequest? JobInterests = null,
    double? MinHoursPerWeek = null,
    double? MaxHoursPerWeek = null,
    bool? AcceptUnknownHours = null,
    AlertsRequest? Alerts = null)
{
    /// <summary>Optional: the family name, for letters.</summary>
    public string? LastName { get; init; }
}

public sealed record AddressRequest(IReadOnlyList<string?>? Lines, string? Postcode);

public sealed record ConsentsRequest(bool? Reminders);

public sealed record ParentRegistered(string Id);

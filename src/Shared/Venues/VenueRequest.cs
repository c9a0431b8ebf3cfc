using Pilot.Shared.Vacancies.Catalogue;

namespace Pilot.Shared.Venues;

/// <summary>
/// The body of <c>PUT /api/venues/{id}</c>, one row of the venue CSV, and one venue of the demo's
/// <c>pilot-venues.json</c>: the fields <c>GET /api/venues</c> shows, all checked by <see cref="VenueValidation"/>.
/// </summary>
/// <param name="Id">Optional in a PUT body (the address names the venue); when given it must be the same.</param>
/// <param name="OpeningHours">The display text; when missing it is written from <paramref name="OpeningTimes"/>.</param>
public sealed record VenueRequest(
    string? Id,
    string? Kind,
    string? Name,
    string? LocalAuthority,
    string? Site,
    string? HubId,
    IReadOnlyList<string?>? AddressLines,
    string? Postcode,
    string? Phone,
    IReadOnlyList<WeeklyWindowRequest?>? OpeningTimes,
    string? OpeningHours,
    VenueFacilitiesRequest? Facilities);

/// <summary>Missing means no.</summary>
public sealed record VenueFacilitiesRequest(bool? Creche, bool? ChildFriendlyRoom);

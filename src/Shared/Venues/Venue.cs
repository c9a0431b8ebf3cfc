namespace Pilot.Shared.Venues;

/// <summary>A children's centre (hub or outreach site) or a Jobcentre Plus office.</summary>
public sealed record Venue(
    string Id,
    string Kind,
    string Name,
    string LocalAuthority,
    string? Site,
    string? HubId,
    IReadOnlyList<string> AddressLines,
    string Postcode,
    string Phone,
    string OpeningHours,
    VenueFacilities Facilities);

public sealed record VenueFacilities(bool Creche, bool ChildFriendlyRoom);

public static class VenueKinds
{
    public const string Centre = "centre";
    public const string Jobcentre = "jobcentre";
}

namespace Pilot.Shared.Venues;

/// <summary>A children's centre (hub or outreach site) or a Jobcentre Plus office.</summary>
/// <param name="OpeningTimes">When it is open, as weekly windows: appointments and invitation options must start inside one.</param>
/// <param name="OpeningHours">The same for people to read ("Mon-Fri 09:00-17:00 (Wed from 10:00)"); never checked against.</param>
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
    IReadOnlyList<OpeningWindow> OpeningTimes,
    string OpeningHours,
    VenueFacilities Facilities)
{
    /// <summary>When an operator retired it (DELETE): it stays readable for past appointments and letters, but nothing new is booked there.</summary>
    public DateTimeOffset? RetiredAt { get; init; }

    public bool Retired => RetiredAt is not null;

    /// <summary>Whose bank holidays apply, from the postcode.</summary>
    public UkNation Nation => UkNations.OfPostcode(Postcode);
}

public sealed record VenueFacilities(bool Creche, bool ChildFriendlyRoom);

public static class VenueKinds
{
    public const string Centre = "centre";
    public const string Jobcentre = "jobcentre";
}

public static class VenueSites
{
    public const string Hub = "hub";
    public const string Outreach = "outreach";
}

namespace Pilot.Shared.Postcodes;

/// <summary>How finely a postcode was placed: a sector is typically 1-2 km across, a district several km.</summary>
public enum PostcodePrecision
{
    Sector,
    District,
}

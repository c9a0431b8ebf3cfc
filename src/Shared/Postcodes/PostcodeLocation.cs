namespace Pilot.Shared.Postcodes;

/// <summary>
/// Where a postcode is, to the centroid of its sector or district: the exact address is never
/// located, so no one's home coordinates are held.
/// </summary>
/// <param name="Postcode">The normalised postcode, e.g. "SW9 8AB".</param>
public sealed record PostcodeLocation(string Postcode, GeoPoint Point, PostcodePrecision Precision);

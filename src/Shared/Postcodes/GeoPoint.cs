namespace Pilot.Shared.Postcodes;

/// <summary>A WGS84 point in decimal degrees.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    private const double EarthMeanRadiusKm = 6371.0088;

    /// <summary>
    /// Equirectangular distance using the cosine of the mid-latitude: at the UK distances we
    /// compare (under 50 km) it is within 0.001% of haversine, far below the spread of a postcode
    /// centroid, and it is cheap enough to run against every vacancy.
    /// </summary>
    public double DistanceKmTo(GeoPoint other)
    {
        var lat1 = DegreesToRadians(Latitude);
        var lat2 = DegreesToRadians(other.Latitude);
        var deltaLongitude = DegreesToRadians(other.Longitude - Longitude);

        // Take the short way round if the points straddle the antimeridian.
        if (deltaLongitude > Math.PI)
        {
            deltaLongitude -= 2 * Math.PI;
        }
        else if (deltaLongitude < -Math.PI)
        {
            deltaLongitude += 2 * Math.PI;
        }

        var x = deltaLongitude * Math.Cos((lat1 + lat2) / 2);
        var y = lat2 - lat1;
        return EarthMeanRadiusKm * Math.Sqrt((x * x) + (y * y));
    }

    private static double DegreesToRadians(double degrees) => degrees * Math.PI / 180;
}

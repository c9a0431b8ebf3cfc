using Pilot.Shared.Postcodes;

namespace Pilot.Shared.UnitTests.Postcodes;

public sealed class GeoPointTests
{
    [Fact]
    public void Distance_to_itself_is_zero()
    {
        var p = new GeoPoint(51.4633, -0.11206);
        Assert.Equal(0, p.DistanceKmTo(p));
    }

    [Fact]
    public void Distance_is_symmetric()
    {
        var a = new GeoPoint(53.81913, -3.05311);
        var b = new GeoPoint(53.75023, -0.35203);
        Assert.Equal(a.DistanceKmTo(b), b.DistanceKmTo(a), 9);
    }

    [Theory]
    [InlineData(51.46330, -0.11206, 51.51870, -0.13153)] // Brixton to central London, ~6 km
    [InlineData(53.81913, -3.05311, 53.79974, -3.01539)] // across Blackpool
    [InlineData(51.0, -3.1, 51.3, -2.7)] // across Somerset, ~43 km
    public void Agrees_with_haversine_at_local_distances(double lat1, double lon1, double lat2, double lon2)
    {
        var a = new GeoPoint(lat1, lon1);
        var b = new GeoPoint(lat2, lon2);
        var expected = Haversine(a, b);
        Assert.InRange(a.DistanceKmTo(b), expected * (1 - 1e-5), expected * (1 + 1e-5));
    }

    [Fact]
    public void One_degree_of_latitude_is_about_111_km()
    {
        Assert.Equal(111.2, new GeoPoint(52, -1).DistanceKmTo(new GeoPoint(53, -1)), 1);
    }

    private static double Haversine(GeoPoint a, GeoPoint b)
    {
        const double r = 6371.0088;
        static double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(b.Latitude - a.Latitude);
        var dLon = Rad(b.Longitude - a.Longitude);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(Rad(a.Latitude)) * Math.Cos(Rad(b.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * r * Math.Asin(Math.Sqrt(h));
    }
}

using Pilot.Shared.Postcodes;

namespace Pilot.Shared.UnitTests.Postcodes;

public sealed class PostcodeDirectoryTests
{
    [Fact]
    public void Embedded_data_loads_every_sector_and_district()
    {
        Assert.Equal(12_269, PostcodeDirectory.Default.SectorCount);
        Assert.Equal(3_077, PostcodeDirectory.Default.DistrictCount);
    }

    [Fact]
    public void Default_is_one_shared_instance_across_threads()
    {
        var seen = new PostcodeDirectory[16];
        Parallel.For(0, seen.Length, i => seen[i] = PostcodeDirectory.Default);
        Assert.All(seen, d => Assert.Same(PostcodeDirectory.Default, d));
    }

    [Fact]
    public void Resolves_known_postcode_to_its_sector_centroid()
    {
        Assert.True(PostcodeDirectory.Default.TryResolve("sw9 8ab", out var location, out var error));
        Assert.Null(error);
        Assert.NotNull(location);
        Assert.Equal("SW9 8AB", location.Postcode);
        Assert.Equal(PostcodePrecision.Sector, location.Precision);
        Assert.Equal(new GeoPoint(51.46330, -0.11206), location.Point);
    }

    [Fact]
    public void Falls_back_to_district_when_sector_is_unknown()
    {
        // B33 has sectors 0, 3, 8 and 9 only.
        Assert.True(PostcodeDirectory.Default.TryResolve("B33 1AA", out var location, out var error));
        Assert.Null(error);
        Assert.NotNull(location);
        Assert.Equal(PostcodePrecision.District, location.Precision);
        Assert.Equal(new GeoPoint(52.48088, -1.78797), location.Point);
    }

    [Theory]
    [InlineData("ZE9 9ZZ", "postcode ZE9 9ZZ was not found")]
    [InlineData("je2 3ab", "postcode JE2 3AB was not found")] // Jersey is outside the ONS data
    public void Well_formed_but_unknown_postcode_is_not_found(string input, string expected)
    {
        Assert.False(PostcodeDirectory.Default.TryResolve(input, out var location, out var error));
        Assert.Null(location);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Malformed_postcode_gets_format_error_not_not_found()
    {
        Assert.False(PostcodeDirectory.Default.TryResolve("SW9 8CB", out var location, out var error));
        Assert.Null(location);
        Assert.Equal(UkPostcode.InvalidMessage, error);
    }

    [Fact]
    public void Every_pilot_area_has_a_resolvable_postcode()
    {
        // One postcode from each of the ten pilot local authorities.
        string[] postcodes =
        [
            "FY1 1AA", "W5 2HL", "HU3 2AA", "SW9 8AB", "NG1 5AA",
            "TS10 1AA", "B70 6AA", "TA1 1AA", "SO14 7AA", "W2 1AA",
        ];
        Assert.All(postcodes, p => Assert.True(PostcodeDirectory.Default.TryResolve(p, out _, out _), p));
    }

    [Fact]
    public void Load_rejects_malformed_rows()
    {
        using var sectors = new StringReader("sector,latitude,longitude,postcodes\nSW9 8,not-a-number,-0.1,3\n");
        using var districts = new StringReader("outcode,latitude,longitude,postcodes\n");
        Assert.Throws<InvalidDataException>(() => PostcodeDirectory.Load(sectors, districts));
    }

    [Fact]
    public void Load_reads_custom_rows_with_invariant_numbers()
    {
        using var sectors = new StringReader("sector,latitude,longitude,postcodes\r\nAB1 2,57.5,-2.25,10\r\n");
        using var districts = new StringReader("outcode,latitude,longitude,postcodes\nAB1,57,-2,100\n");
        var directory = PostcodeDirectory.Load(sectors, districts);
        Assert.True(directory.TryResolve("AB1 2XY", out var location, out _));
        Assert.Equal(new GeoPoint(57.5, -2.25), location!.Point);
    }
}

using Pilot.Shared.DemoData;
using Pilot.Shared.Postcodes;
using Pilot.Shared.Venues;
using Pilot.Shared.WfiInvitations;

namespace Pilot.Shared.UnitTests.WfiInvitations;

public sealed class NearestCentreTests
{
    [Theory]
    [InlineData("SW9 9TN", "Lambeth")]
    [InlineData("FY3 7RW", "Blackpool")]
    [InlineData("SO14 0AA", "Southampton")]
    [InlineData("TA1 1AA", "Somerset")]
    public void The_nearest_pilot_centre_is_a_centre_in_the_parents_own_authority(string postcode, string authority)
    {
        Assert.True(PostcodeDirectory.Default.TryResolve(postcode, out var location, out _));

        var centre = NearestCentre.To(location!.Point, DemoSeeder.PilotVenues(), PostcodeDirectory.Default);

        Assert.NotNull(centre);
        Assert.Equal(VenueKinds.Centre, centre.Kind);
        Assert.Equal(authority, centre.LocalAuthority);
    }

    [Fact]
    public void The_nearest_is_the_closest_of_all_centres_never_a_jobcentre()
    {
        var venues = DemoSeeder.PilotVenues();
        var jobcentre = venues.First(v => v.Kind == VenueKinds.Jobcentre);
        Assert.True(PostcodeDirectory.Default.TryResolve(jobcentre.Postcode, out var location, out _));

        var centre = NearestCentre.To(location!.Point, venues, PostcodeDirectory.Default)!;

        var distances = venues.Where(v => v.Kind == VenueKinds.Centre)
            .Select(v => PostcodeDirectory.Default.TryResolve(v.Postcode, out var l, out _) ? location.Point.DistanceKmTo(l!.Point) : double.MaxValue)
            .ToList();
        Assert.True(PostcodeDirectory.Default.TryResolve(centre.Postcode, out var chosen, out _));
        Assert.Equal(distances.Min(), location.Point.DistanceKmTo(chosen!.Point), 6);
    }

    [Fact]
    public void No_centres_gives_none() => Assert.Null(NearestCentre.To(new GeoPoint(51.5, -0.1), DemoSeeder.PilotVenues().Where(v => v.Kind == VenueKinds.Jobcentre), PostcodeDirectory.Default));
}

using Pilot.Shared.Postcodes;
using Pilot.Shared.Venues;

namespace Pilot.Shared.WfiInvitations;

/// <summary>The pilot children's centre closest to a parent, by the centroids of the two postcodes; retired centres are passed over.</summary>
public static class NearestCentre
{
    /// <returns>Null when no centre's postcode can be placed.</returns>
    public static Venue? To(GeoPoint parent, IEnumerable<Venue> venues, PostcodeDirectory postcodes)
    {
        ArgumentNullException.ThrowIfNull(venues);
        ArgumentNullException.ThrowIfNull(postcodes);
        Venue? nearest = null;
        var best = double.MaxValue;
        foreach (var venue in venues.Where(v => v.Kind == VenueKinds.Centre && !v.Retired).OrderBy(v => v.Id, StringComparer.Ordinal))
        {
            if (postcodes.TryResolve(venue.Postcode, out var location, out _) && location is not null)
            {
                var distance = parent.DistanceKmTo(location.Point);
                if (distance < best)
                {
                    best = distance;
                    nearest = venue;
                }
            }
        }

        return nearest;
    }
}

using Pilot.Shared.Postcodes;
using Pilot.Shared.Vacancies.Areas;

namespace Pilot.Shared.UnitTests.VacancyAlerts;

public sealed class GeoGridTests
{
    private static bool InRanges(string key, IReadOnlyList<(string From, string To)> ranges)
        => ranges.Any(r => string.CompareOrdinal(key, r.From) >= 0 && string.CompareOrdinal(key, r.To) <= 0);

    [Fact]
    public void Every_parent_who_can_reach_a_vacancy_is_in_the_ranges_read_for_it()
    {
        var random = new Random(42);
        for (var i = 0; i < 20_000; i++)
        {
            var vacancy = new GeoPoint(50 + (random.NextDouble() * 10.9), -7.5 + (random.NextDouble() * 9));
            var reach = 0.5 + (random.NextDouble() * (GeoGrid.MaxReachKm - 0.5));
            var bearing = random.NextDouble() * 2 * Math.PI;
            var km = reach * random.NextDouble();
            var parent = new GeoPoint(
                vacancy.Latitude + (km * Math.Cos(bearing) / 111.195),
                vacancy.Longitude + (km * Math.Sin(bearing) / (111.195 * Math.Cos(vacancy.Latitude * Math.PI / 180))));
            if (parent.DistanceKmTo(vacancy) > reach)
            {
                continue;
            }

            Assert.True(InRanges(GeoGrid.ProfilePartition(parent, reach), GeoGrid.ProfileRangesNear(vacancy)), $"parent {parent} (reach {reach:F1} km) missed for {vacancy}");
        }
    }

    [Fact]
    public void A_walker_is_filed_in_the_small_band_and_not_read_for_a_job_across_the_city()
    {
        var stockwell = new GeoPoint(51.46759, -0.12043);
        var walker = GeoGrid.ProfilePartition(stockwell, 2);
        var farJob = new GeoPoint(51.46759 + 0.25, -0.12043); // about 28 km north

        Assert.StartsWith("g05_", walker, StringComparison.Ordinal);
        Assert.False(InRanges(walker, GeoGrid.ProfileRangesNear(farJob)));
        Assert.True(InRanges(GeoGrid.ProfilePartition(stockwell, 30), GeoGrid.ProfileRangesNear(farJob)));
    }

    [Fact]
    public void Vacancy_cells_within_reach_cover_every_vacancy_that_close()
    {
        var random = new Random(7);
        for (var i = 0; i < 5_000; i++)
        {
            var parent = new GeoPoint(50 + (random.NextDouble() * 10.9), -7.5 + (random.NextDouble() * 9));
            var reach = 1 + (random.NextDouble() * 29);
            var vacancy = new GeoPoint(parent.Latitude + ((random.NextDouble() - 0.5) * reach / 80), parent.Longitude + ((random.NextDouble() - 0.5) * reach / 60));
            if (parent.DistanceKmTo(vacancy) > reach)
            {
                continue;
            }

            Assert.True(InRanges(GeoGrid.VacancyCell(vacancy), GeoGrid.VacancyRangesWithin(parent, reach)));
        }
    }
}

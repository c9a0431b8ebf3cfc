using System.Globalization;
using Pilot.Shared.Postcodes;

namespace Pilot.Shared.Vacancies.Areas;

/// <summary>
/// Square-ish cells over Great Britain that name table partitions, so "who is near this point" is a
/// few partition-range queries instead of a scan. A cell is at least <c>sizeKm</c> across in both
/// directions anywhere up to 61°N (the longitude step uses the cosine of 61°), so everything within
/// <c>sizeKm</c> of a point lies in its cell or the eight around it. Keys sort by row then column
/// (both offset and zero-padded), so the three cells of one row are one contiguous key range.
/// </summary>
public static class GeoGrid
{
    /// <summary>The longest trip a parent may ask for: the alert timer never looks further.</summary>
    public const double MaxReachKm = 30;

    /// <summary>Cells of the vacancy catalogue (GET matches reads the cells within the parent's reach).</summary>
    public const double VacancyCellKm = 10;

    /// <summary>
    /// Alert profiles are kept in the grid of the smallest band that covers the parent's
    /// maxTravelKm, so a vacancy reads 3×3 cells per band and each band's cells are only as large as
    /// its parents' reach: a 2 km walker is never read for a job 25 km away.
    /// </summary>
    public static IReadOnlyList<double> ReachBandsKm { get; } = [5, 15, MaxReachKm];

    private const double KmPerDegree = 6371.0088 * Math.PI / 180;
    private const double NorthernmostLatitude = 61;
    private const double Margin = 1.01;
    private const int Offset = 100_000;

    public static double BandFor(double maxTravelKm) => ReachBandsKm.First(b => maxTravelKm <= b + 1e-9);

    /// <summary>The partition of a parent's alert profile: their band and the cell of their start point.</summary>
    public static string ProfilePartition(GeoPoint start, double maxTravelKm)
    {
        var band = BandFor(maxTravelKm);
        return Key(band, Row(start.Latitude, band), Column(start.Longitude, band));
    }

    /// <summary>
    /// The partition-key ranges holding every parent who could reach <paramref name="point"/>: per
    /// band, three rows of three cells. Each range is inclusive: (first key, last key).
    /// </summary>
    public static IReadOnlyList<(string From, string To)> ProfileRangesNear(GeoPoint point) => ProfileRangesNear([point]);

    /// <summary>
    /// The same for many points at once, as few non-overlapping ranges as the cells allow: cells
    /// next to each other in a row are one range, so a partition is never read twice in a run.
    /// </summary>
    public static IReadOnlyList<(string From, string To)> ProfileRangesNear(IEnumerable<GeoPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var cells = new SortedSet<(double Band, int Row, int Column)>();
        foreach (var point in points)
        {
            foreach (var band in ReachBandsKm)
            {
                var row = Row(point.Latitude, band);
                var column = Column(point.Longitude, band);
                for (var dy = -1; dy <= 1; dy++)
                {
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        cells.Add((band, row + dy, column + dx));
                    }
                }
            }
        }

        var ranges = new List<(string, string)>();
        (double Band, int Row, int First, int Last)? run = null;
        foreach (var (band, row, column) in cells)
        {
            if (run is { } r && r.Band == band && r.Row == row && r.Last + 1 == column)
            {
                run = r with { Last = column };
                continue;
            }

            if (run is { } done)
            {
                ranges.Add((Key(done.Band, done.Row, done.First), Key(done.Band, done.Row, done.Last)));
            }

            run = (band, row, column, column);
        }

        if (run is { } last)
        {
            ranges.Add((Key(last.Band, last.Row, last.First), Key(last.Band, last.Row, last.Last)));
        }

        return ranges;
    }

    public static string VacancyCell(GeoPoint point)
        => Key(VacancyCellKm, Row(point.Latitude, VacancyCellKm), Column(point.Longitude, VacancyCellKm));

    /// <summary>The vacancy-cell key ranges covering everything within <paramref name="km"/> of the point.</summary>
    public static IReadOnlyList<(string From, string To)> VacancyRangesWithin(GeoPoint point, double km)
        => Ranges(point, VacancyCellKm, Math.Max(1, (int)Math.Ceiling(km / VacancyCellKm)));

    private static List<(string From, string To)> Ranges(GeoPoint point, double sizeKm, int rings)
    {
        var row = Row(point.Latitude, sizeKm);
        var column = Column(point.Longitude, sizeKm);
        var ranges = new List<(string, string)>();
        for (var dy = -rings; dy <= rings; dy++)
        {
            ranges.Add((Key(sizeKm, row + dy, column - rings), Key(sizeKm, row + dy, column + rings)));
        }

        return ranges;
    }

    private static int Row(double latitude, double sizeKm) => (int)Math.Floor(latitude / (sizeKm * Margin / KmPerDegree));

    private static int Column(double longitude, double sizeKm)
        => (int)Math.Floor(longitude / (sizeKm * Margin / (KmPerDegree * Math.Cos(NorthernmostLatitude * Math.PI / 180))));

    private static string Key(double sizeKm, int row, int column)
        => string.Create(CultureInfo.InvariantCulture, $"g{sizeKm:00}_{row + Offset:D6}_{column + Offset:D6}");
}

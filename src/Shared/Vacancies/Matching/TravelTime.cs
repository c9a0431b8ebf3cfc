namespace Pilot.Shared.Vacancies.Matching;

/// <summary>
/// Door-to-door travel time from the straight-line distance and an average speed per mode. The
/// speeds are deliberately modest because the distance is straight-line between postcode-sector
/// centroids, shorter than any real route.
/// </summary>
public static class TravelTime
{
    /// <summary>A steady adult walking pace, often with a pushchair or a child in tow.</summary>
    public const double WalkKmPerHour = 4.8;

    /// <summary>
    /// Urban and small-town buses average about 18-20 km/h moving; waiting for the bus and walking
    /// to and from stops brings the door-to-door figure down to about 15.
    /// </summary>
    public const double BusKmPerHour = 15;

    /// <summary>Urban driving with junctions, school-run traffic and parking.</summary>
    public const double CarKmPerHour = 30;

    /// <summary>Tolerance so that a trip of exactly 15 or 30 minutes is not pushed up a quarter by rounding noise.</summary>
    private const double QuarterTolerance = 1e-9;

    public static double KmPerHour(TravelMode mode) => mode switch
    {
        TravelMode.Walk => WalkKmPerHour,
        TravelMode.Bus => BusKmPerHour,
        TravelMode.Car => CarKmPerHour,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown travel mode"),
    };

    public static double Minutes(double distanceKm, TravelMode mode) => distanceKm / KmPerHour(mode) * 60;

    /// <summary>The trip rounded up to whole quarter-hours, as the weekly patterns count time.</summary>
    public static int Quarters(double distanceKm, TravelMode mode)
    {
        var quarters = Minutes(distanceKm, mode) / 15;
        return Math.Max(0, (int)Math.Ceiling(quarters - QuarterTolerance));
    }

    /// <summary>The most quarters any trip within <paramref name="maxKm"/> can take.</summary>
    public static int MaxQuarters(double maxKm, TravelMode mode) => Quarters(maxKm, mode);
}

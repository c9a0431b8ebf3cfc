namespace Pilot.Shared.Time;

/// <summary>
/// Europe/London wall-clock time, which everything a parent sees is in. Instants are stored in
/// UTC; this is the one place that converts, so clock changes (GMT/BST) are handled the same everywhere.
/// </summary>
public static class LondonTime
{
    public const string ZoneId = "Europe/London";

    /// <summary>The Europe/London zone (the IANA id also resolves on Windows through ICU).</summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    /// <summary>The same instant with London's offset (+00:00 in GMT, +01:00 in BST).</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>
    /// The instant a London wall-clock time refers to (its <see cref="DateTime.Kind"/> is ignored).
    /// A time that never happens, inside the spring-forward gap (01:00-02:00 on the last Sunday of
    /// March), moves forward by the gap: 01:30 becomes 02:30 BST, the moment a clock that "should"
    /// have shown 01:30 actually shows. A time that happens twice, in the autumn overlap
    /// (01:00-02:00 on the last Sunday of October), takes the earlier instant, the BST one, so a
    /// reminder planned for it is never late.
    /// </summary>
    public static DateTimeOffset FromLocal(DateTime localWallClock)
    {
        var local = DateTime.SpecifyKind(localWallClock, DateTimeKind.Unspecified);

        if (Zone.IsInvalidTime(local))
        {
            // The offset in force just before the gap (GMT) reads the wall time as if the clocks
            // had not yet gone forward, which lands the same distance past the jump.
            var offsetBeforeGap = Zone.GetUtcOffset(local.AddHours(-6));
            return ToLocal(new DateTimeOffset(local, offsetBeforeGap));
        }

        if (Zone.IsAmbiguousTime(local))
        {
            // The larger offset (BST) is the earlier of the two instants.
            var offsets = Zone.GetAmbiguousTimeOffsets(local);
            return new DateTimeOffset(local, offsets.Max());
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}

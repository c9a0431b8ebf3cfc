namespace Pilot.Shared.Time;

/// <summary>
/// A daily window, in London local time, when no text may be sent: [<see cref="Start"/>, <see cref="End"/>),
/// wrapping past midnight when Start is after End (the default 21:00-08:00). Start equal to End means none.
/// </summary>
/// <remarks>
/// Each night's quiet period is the instant interval from <see cref="LondonTime.FromLocal"/> of its
/// start to <see cref="LondonTime.FromLocal"/> of its end, so a clock change inside the window
/// lengthens or shortens that night by an hour rather than moving its local edges, and every
/// method here agrees on where a period begins and ends. Results are UTC instants.
/// </remarks>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    private static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);

    public static QuietHours Default => new(new TimeOnly(21, 0), new TimeOnly(8, 0));

    public bool IsNone => Start == End;

    public bool IsQuiet(DateTimeOffset instant) => TryFindPeriod(instant, out _, out _);

    /// <summary>The first instant after the quiet period containing <paramref name="instant"/> (08:00 local by default); <paramref name="instant"/> itself when it is not quiet.</summary>
    public DateTimeOffset EndOfQuietPeriodContaining(DateTimeOffset instant) =>
        TryFindPeriod(instant, out _, out var end) ? end : instant.ToUniversalTime();

    /// <summary>
    /// One minute before the quiet period containing <paramref name="instant"/> began (20:59 local by
    /// default): the last sensible moment to send something that would otherwise fall in the night.
    /// <paramref name="instant"/> itself when it is not quiet.
    /// </summary>
    public DateTimeOffset LastAllowedBeforeQuietPeriodContaining(DateTimeOffset instant) =>
        TryFindPeriod(instant, out var start, out _) ? start - OneMinute : instant.ToUniversalTime();

    /// <summary>When the next quiet period begins after <paramref name="instant"/>; null when there are no quiet hours.</summary>
    public DateTimeOffset? NextStartAfter(DateTimeOffset instant)
    {
        if (IsNone)
        {
            return null;
        }

        var localDate = DateOnly.FromDateTime(LondonTime.ToLocal(instant).DateTime);
        for (var startDate = localDate.AddDays(-1); ; startDate = startDate.AddDays(1))
        {
            var periodStart = LondonTime.FromLocal(startDate.ToDateTime(Start)).ToUniversalTime();
            if (periodStart > instant)
            {
                return periodStart;
            }
        }
    }

    private bool TryFindPeriod(DateTimeOffset instant, out DateTimeOffset start, out DateTimeOffset end)
    {
        start = end = default;
        if (IsNone)
        {
            return false;
        }

        // A period containing the instant began on its local date or, if it wraps midnight, the day before.
        var localDate = DateOnly.FromDateTime(LondonTime.ToLocal(instant).DateTime);
        for (var startDate = localDate.AddDays(-1); startDate <= localDate; startDate = startDate.AddDays(1))
        {
            var endDate = Start < End ? startDate : startDate.AddDays(1);
            var periodStart = LondonTime.FromLocal(startDate.ToDateTime(Start)).ToUniversalTime();
            var periodEnd = LondonTime.FromLocal(endDate.ToDateTime(End)).ToUniversalTime();
            if (periodStart <= instant && instant < periodEnd)
            {
                start = periodStart;
                end = periodEnd;
                return true;
            }
        }

        return false;
    }
}

using Pilot.Shared.Time;

namespace Pilot.Shared.Validation;

/// <summary>
/// The one range a date the API accepts must fall in, asked wherever a date or instant is read from
/// a request. A date that parses but lies centuries away (9999-12-31, 0001-01-01) would overflow the
/// date arithmetic behind it (the day after a reply date, the London midnight of a day) into a 500;
/// refusing it where it is read makes it a 400 naming the field. Today is London's date at
/// <c>now</c>, taken by the caller from its injected <see cref="TimeProvider"/>.
/// </summary>
public static class DateBounds
{
    /// <summary>How far either side of today an appointment, reply date, expiry or report day may be.</summary>
    public const int YearsAround = 2;

    /// <summary>The first day take-up figures can be asked for: nothing was recorded before it.</summary>
    public static readonly DateOnly FirstReportingDay = new(2020, 1, 1);

    /// <summary>Dates and instants of the service's own business: today ± <see cref="YearsAround"/> years.</summary>
    public static DateRange Near(DateTimeOffset now)
    {
        var today = Today(now);
        return new DateRange(today.AddYears(-YearsAround), today.AddYears(YearsAround));
    }

    /// <summary>The days management information covers: from <see cref="FirstReportingDay"/> to today + <see cref="YearsAround"/> years.</summary>
    public static DateRange Reporting(DateTimeOffset now) => new(FirstReportingDay, Today(now).AddYears(YearsAround));

    private static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(LondonTime.ToLocal(now).DateTime);
}

using System.Globalization;

namespace Pilot.Shared.Sms.Outbound;

/// <summary>
/// Texts are partitioned by the UTC minute they fall due, rounded up so nothing goes early. The
/// dispatch tick reads one partition per minute elapsed, so its reads follow what is due now and
/// never the number of texts stored.
/// </summary>
public static class DueBuckets
{
    private const string Format = "yyyyMMddHHmm";

    public static string For(DateTimeOffset dueAt)
    {
        var utc = dueAt.UtcDateTime;
        var floor = new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, DateTimeKind.Utc);
        var minute = floor == utc ? floor : floor.AddMinutes(1);
        return minute.ToString(Format, CultureInfo.InvariantCulture);
    }

    /// <summary>The last bucket a tick at <paramref name="now"/> may send: everything due at or before now.</summary>
    public static DateTimeOffset LastDueMinute(DateTimeOffset now)
    {
        var utc = now.UtcDateTime;
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, TimeSpan.Zero);
    }

    public static string Name(DateTimeOffset minute) => minute.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string bucket)
        => new(DateTime.SpecifyKind(DateTime.ParseExact(bucket, Format, CultureInfo.InvariantCulture), DateTimeKind.Utc));
}

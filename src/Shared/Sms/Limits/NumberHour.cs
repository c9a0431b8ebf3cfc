using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Pilot.Shared.Sms.Limits;

/// <summary>
/// The keys of one number's count for one UTC clock hour: the number only as its SHA-256 (hex), never itself,
/// and the hour as <c>yyyyMMddHH</c>.
/// </summary>
public sealed record NumberHour(string NumberHash, string Hour)
{
    public static NumberHour Of(string number, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(number);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(number)));
        return new NumberHour(hash, at.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture));
    }

    /// <summary>When the clock hour containing <paramref name="at"/> ends (UTC): a held text may go then.</summary>
    public static DateTimeOffset NextHourAfter(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
    }
}

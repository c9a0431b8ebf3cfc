using System.Globalization;
using Pilot.Shared.Time;

namespace Pilot.Shared.Sms;

/// <summary>Settings under <c>Sms:</c> that hold for every text the system sends.</summary>
public sealed class SmsOptions
{
    public const string Section = "Sms";

    /// <summary>London local time, HH:mm. Equal start and end mean no quiet hours.</summary>
    public string QuietHoursStart { get; set; } = "21:00";

    public string QuietHoursEnd { get; set; } = "08:00";

    /// <summary>Ordered provider list (a later issue adds twilio and acs); empty means the outbox gateway.</summary>
    public string Providers { get; set; } = "";

    /// <summary>
    /// What one SMS fragment costs, in GBP, for the daily cost report and each text's recorded cost.
    /// Default: GOV.UK Notify's 2024-25 rate of 1.97p per fragment beyond the free allowance
    /// (GOV.UK Notify pricing page, "Text message pricing", April 2024).
    /// </summary>
    public decimal PricePerFragment { get; set; } = 0.0197m;

    /// <summary>
    /// Most texts sent to one number in any 60 minutes (a rolling window); more wait until a slot frees (networks block above 100).
    /// </summary>
    public int MaxPerNumberPerHour { get; set; } = 10;

    /// <summary>
    /// The secret key of <see cref="Limits.NumberKeys"/>: each number's hourly-cap row is keyed by an HMAC of the number
    /// with it. At least 32 characters; required (a Key Vault secret in Azure). Changing it only restarts each number's
    /// hourly count (the old rows are purged a day later).
    /// </summary>
    public string NumberKeySecret { get; set; } = "";

    public byte[] NumberKey() => System.Text.Encoding.UTF8.GetBytes(NumberKeySecret);

    private (string Start, string End, QuietHours Parsed)? _quietHours;

    /// <summary>
    /// The quiet hours, parsed once (checked at start-up) and kept: every text asks. Parsed again only if the
    /// settings are changed after that (a test that sets them on an options object it already used).
    /// </summary>
    public QuietHours QuietHours()
    {
        if (_quietHours is { } cached && cached.Start == QuietHoursStart && cached.End == QuietHoursEnd)
        {
            return cached.Parsed;
        }

        var parsed = new QuietHours(
            TimeOnly.ParseExact(QuietHoursStart, "HH:mm", CultureInfo.InvariantCulture),
            TimeOnly.ParseExact(QuietHoursEnd, "HH:mm", CultureInfo.InvariantCulture));
        _quietHours = (QuietHoursStart, QuietHoursEnd, parsed);
        return parsed;
    }
}

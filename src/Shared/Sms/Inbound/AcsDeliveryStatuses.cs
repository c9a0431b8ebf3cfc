namespace Pilot.Shared.Sms.Inbound;

/// <summary>Azure Communication Services delivery report statuses in GOV.UK Notify's vocabulary.</summary>
public static class AcsDeliveryStatuses
{
    // ACS gives a failure's cause only as prose in DeliveryStatusDetails; these words mark causes a
    // retry cannot cure (a bad, unknown, blocked or opted-out number). Anything else may pass.
    private static readonly string[] PermanentMarkers =
    [
        "invalid", "unknown", "not exist", "does not exist", "not a mobile", "landline", "blocked", "opted out", "opt out", "opt-out", "unsubscribed", "blacklist", "denylist",
    ];

    /// <returns>The status to record, or null for any status but Delivered and Failed.</returns>
    public static SmsDeliveryStatus? Map(string? deliveryStatus, string? details)
    {
        if (string.Equals(deliveryStatus, "Delivered", StringComparison.OrdinalIgnoreCase))
        {
            return SmsDeliveryStatus.Delivered;
        }

        if (!string.Equals(deliveryStatus, "Failed", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return details is not null && PermanentMarkers.Any(m => details.Contains(m, StringComparison.OrdinalIgnoreCase))
            ? SmsDeliveryStatus.PermanentFailure
            : SmsDeliveryStatus.TemporaryFailure;
    }
}

namespace Pilot.Shared.Sms.Inbound;

/// <summary>Twilio's message statuses and error codes in GOV.UK Notify's vocabulary.</summary>
public static class TwilioDeliveryStatuses
{
    // Codes that will fail again however often the text is retried: invalid number (21211), not a
    // mobile (21614), recipient sent STOP (21610), blocked (30004), unknown number (30005),
    // landline (30006), carrier filtering (30007). Twilio reports most of them as "undelivered" and
    // some as "failed", so the set applies to both.
    private static readonly HashSet<string> Permanent = ["21211", "21610", "21614", "30004", "30005", "30006", "30007"];

    /// <returns>The status to record, or null for an interim status (queued, sending...) or one we do not know.</returns>
    public static SmsDeliveryStatus? Map(string? messageStatus, string? errorCode)
    {
        var permanent = errorCode is not null && Permanent.Contains(errorCode.Trim());
        return messageStatus?.Trim().ToLowerInvariant() switch
        {
            "sent" => SmsDeliveryStatus.Sent,
            "delivered" => SmsDeliveryStatus.Delivered,
            "undelivered" => permanent ? SmsDeliveryStatus.PermanentFailure : SmsDeliveryStatus.TemporaryFailure,
            "failed" => permanent ? SmsDeliveryStatus.PermanentFailure : SmsDeliveryStatus.TechnicalFailure,

            // queued, accepted, scheduled, sending: interim; read, canceled and anything new: not about delivery.
            _ => null,
        };
    }
}

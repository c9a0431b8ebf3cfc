namespace Pilot.Shared.Sms;

/// <summary>What a provider says about a message, in GOV.UK Notify's vocabulary.</summary>
public enum SmsDeliveryStatus
{
    /// <summary>Accepted by the provider; the delivery receipt comes later.</summary>
    Sent,
    Delivered,
    TemporaryFailure,
    PermanentFailure,
    TechnicalFailure,
}

public static class SmsDeliveryStatusNames
{
    public static string ToWire(this SmsDeliveryStatus status) => status switch
    {
        SmsDeliveryStatus.Sent => "sent",
        SmsDeliveryStatus.Delivered => "delivered",
        SmsDeliveryStatus.TemporaryFailure => "temporary-failure",
        SmsDeliveryStatus.PermanentFailure => "permanent-failure",
        SmsDeliveryStatus.TechnicalFailure => "technical-failure",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static SmsDeliveryStatus FromWire(string value) => value switch
    {
        "sent" => SmsDeliveryStatus.Sent,
        "delivered" => SmsDeliveryStatus.Delivered,
        "temporary-failure" => SmsDeliveryStatus.TemporaryFailure,
        "permanent-failure" => SmsDeliveryStatus.PermanentFailure,
        "technical-failure" => SmsDeliveryStatus.TechnicalFailure,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "unknown delivery status"),
    };
}

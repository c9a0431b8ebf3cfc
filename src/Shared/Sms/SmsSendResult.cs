namespace Pilot.Shared.Sms;

/// <summary>
/// A provider's answer to a send. <see cref="Status"/> is <see cref="SmsDeliveryStatus.Sent"/> when the
/// receipt is still to come, or already final when the provider answers at once (the outbox does).
/// </summary>
public sealed record SmsSendResult(
    string Provider,
    string? ProviderMessageId,
    SmsDeliveryStatus Status,
    int Fragments,
    SmsEncoding Encoding,
    DateTimeOffset AcceptedAt,
    string? FailureReason = null);

namespace Pilot.ProviderSimulators.Twilio;

/// <summary>How a message to a number ends: delivered, or undelivered/failed with a Twilio error code.</summary>
public sealed record TwilioDeliveryOutcome(string FinalStatus, int? ErrorCode)
{
    public static TwilioDeliveryOutcome Delivered { get; } = new("delivered", null);

    /// <summary>Sent to the carrier, not delivered (e.g. 30003 unreachable handset, 30005 unknown number).</summary>
    public static TwilioDeliveryOutcome Undelivered(int errorCode) => new("undelivered", errorCode);

    /// <summary>Never sent (e.g. 30007 carrier filtering, 30008 unknown error).</summary>
    public static TwilioDeliveryOutcome Failed(int errorCode) => new("failed", errorCode);
}

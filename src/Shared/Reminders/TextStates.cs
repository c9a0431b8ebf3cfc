namespace Pilot.Shared.Reminders;

/// <summary>
/// The life of one outgoing text. State only moves forward:
/// scheduled → queued → sending → sent → delivered | failed, and scheduled/queued → cancelled.
/// A send is attempted only from scheduled or queued, and the text is marked sending first.
/// </summary>
public static class TextStates
{
    public const string Scheduled = "scheduled";
    public const string Queued = "queued";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    /// <summary>The state a provider's answer or receipt moves a text to.</summary>
    public static string For(Sms.SmsDeliveryStatus status) => status switch
    {
        Sms.SmsDeliveryStatus.Sent => Sent,
        Sms.SmsDeliveryStatus.Delivered => Delivered,
        _ => Failed,
    };

    public static bool IsPending(string state) => state is Scheduled or Queued;

    public static bool IsFinal(string state) => state is Delivered or Failed or Cancelled;

    private static int Rank(string state) => state switch
    {
        Scheduled => 0,
        Queued => 1,
        Sending => 2,
        Sent => 3,
        Delivered or Failed => 4,
        Cancelled => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "unknown text state"),
    };

    public static bool CanMove(string from, string to)
    {
        if (IsFinal(from))
        {
            return false;
        }

        // Cancelling is only possible before the provider has been asked.
        if (to == Cancelled)
        {
            return IsPending(from);
        }

        return Rank(to) > Rank(from);
    }
}

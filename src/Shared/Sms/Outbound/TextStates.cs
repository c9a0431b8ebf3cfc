namespace Pilot.Shared.Sms.Outbound;

/// <summary>
/// The life of one outgoing text, as GOV.UK Notify's notifications: scheduled → queued → sending → sent →
/// delivered | failed. The moves allowed are exactly those in <see cref="CanMove"/>; <see cref="TextEntity"/> makes
/// every change through a named method that refuses any other. A send is attempted only from scheduled or queued, and
/// the text is marked sending first.
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
    public static string For(SmsDeliveryStatus status) => status switch
    {
        SmsDeliveryStatus.Sent => Sent,
        SmsDeliveryStatus.Delivered => Delivered,
        _ => Failed,
    };

    public static bool IsPending(string state) => state is Scheduled or Queued;

    public static bool IsFinal(string state) => state is Delivered or Failed or Cancelled;

    /// <summary>
    /// Every move a text may make:
    /// <list type="bullet">
    /// <item>scheduled → queued (the dispatch tick), queued → scheduled (deferred to the end of quiet hours within its own minute);</item>
    /// <item>scheduled or queued → sending (a send begins) or cancelled (a send-time check failed, or the appointment changed);</item>
    /// <item>sending → sent, delivered or failed (the provider's answer or receipt), or cancelled: only when every provider
    /// that can be asked said it never took it, so it is as good as unsent;</item>
    /// <item>sent → delivered or failed (a receipt).</item>
    /// </list>
    /// A repeat of an interrupted send stays sending: it is a new attempt, not a move.
    /// </summary>
    public static bool CanMove(string from, string to) => (from, to) switch
    {
        (Scheduled, Queued or Sending or Cancelled) => true,
        (Queued, Scheduled or Sending or Cancelled) => true,
        (Sending, Sent or Delivered or Failed or Cancelled) => true,
        (Sent, Delivered or Failed) => true,
        _ => false,
    };
}

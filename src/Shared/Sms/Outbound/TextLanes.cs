namespace Pilot.Shared.Sms.Outbound;

/// <summary>
/// The two queues texts are sent from. Reminders and alerts fall due by the thousand in one minute; a text a person is
/// waiting for right now (a booking's confirmation, an answer to their own text) must not wait behind them.
/// </summary>
public static class TextLanes
{
    /// <summary>Reminders, alerts, digests and WFI notices: <c>Reminders:SendQueue</c>.</summary>
    public const string Bulk = "bulk";

    /// <summary>Texts a person is waiting for: <c>Reminders:InteractiveSendQueue</c>.</summary>
    public const string Interactive = "interactive";
}

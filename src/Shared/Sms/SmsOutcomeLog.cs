using Microsoft.Extensions.Logging;

namespace Pilot.Shared.Sms;

/// <summary>
/// The one log event written when a text finishes, delivered or failed, whether the provider said so at
/// send or later in a receipt. The "SMS failure rate" alert (infra/bicep/modules/alerts.bicep) counts
/// these events by <see cref="OutcomeField"/>, so the message and field names are a contract with it.
/// </summary>
public static partial class SmsOutcomeLog
{
    public const string MessagePrefix = "SMS outcome";
    public const string OutcomeField = "SmsOutcome";
    public const string Delivered = "delivered";
    public const string Failed = "failed";

    /// <summary>Logs the outcome if <paramref name="state"/> is one (delivered or failed); other states log nothing.</summary>
    public static void Record(ILogger logger, string state, string textId, string provider, SmsDeliveryStatus status)
    {
        if (state is Delivered or Failed)
        {
            Finished(logger, state, textId, provider, status.ToWire());
        }
    }

    [LoggerMessage(EventId = 4100, EventName = "SmsOutcome", Level = LogLevel.Information, Message = MessagePrefix + " {SmsOutcome} for text {TextId} via {SmsProvider} ({SmsStatus})")]
    private static partial void Finished(ILogger logger, string smsOutcome, string textId, string smsProvider, string smsStatus);
}

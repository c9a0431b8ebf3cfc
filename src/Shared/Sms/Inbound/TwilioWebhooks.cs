using Pilot.Shared.Phones;
using Microsoft.Extensions.Logging;
using Pilot.Shared.Reminders;

namespace Pilot.Shared.Sms.Inbound;

/// <summary>
/// Twilio's two webhooks: the status callback of a text we sent (our message id rides in the
/// callback URL's <c>messageId</c>) and an inbound text. Both are refused unless signed.
/// </summary>
public sealed class TwilioWebhooks(TwilioSignature signature, DeliveryReceipts receipts, InboundTexts inbound, TimeProvider time, ILogger<TwilioWebhooks> logger)
{
    public const string Provider = "twilio";

    /// <remarks>Answers Accepted for any signed callback, even for an id we do not know, so Twilio stops retrying.</remarks>
    public async Task<WebhookOutcome> StatusCallbackAsync(TwilioWebhookRequest request, string? messageId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!signature.IsValid(request))
        {
            return WebhookOutcome.Forbidden;
        }

        var messageStatus = request.Field("MessageStatus") ?? request.Field("SmsStatus");
        var status = TwilioDeliveryStatuses.Map(messageStatus, request.Field("ErrorCode"));
        if (status is null || string.IsNullOrWhiteSpace(messageId))
        {
            logger.LogInformation("Twilio status {Status} for {MessageId}: nothing to record", LogSafe.Text(messageStatus), LogSafe.Text(messageId));
            return WebhookOutcome.Accepted;
        }

        await receipts.ApplyAsync(messageId, status.Value, Provider, request.Field("MessageSid") ?? request.Field("SmsSid"), ct);
        return WebhookOutcome.Accepted;
    }

    public async Task<WebhookOutcome> InboundAsync(TwilioWebhookRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!signature.IsValid(request))
        {
            return WebhookOutcome.Forbidden;
        }

        var from = request.Field("From");
        var sid = request.Field("MessageSid") ?? request.Field("SmsMessageSid") ?? request.Field("SmsSid");
        if (from is null || sid is null)
        {
            // Signed but not a message (a misconfigured webhook): nothing to do, and nothing to retry.
            logger.LogWarning("Twilio inbound webhook without From or MessageSid; ignored");
            return WebhookOutcome.Accepted;
        }

        // Twilio's inbound webhook carries no receive time: the moment it reaches us is close enough.
        await inbound.HandleAsync(new InboundText(from, request.Field("Body") ?? "", Provider, sid, time.GetUtcNow()), ct);
        return WebhookOutcome.Accepted;
    }
}

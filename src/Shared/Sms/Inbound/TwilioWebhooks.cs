using Pilot.Shared.Phones;
using Microsoft.Extensions.Logging;
using Pilot.Shared.Reminders;
using Pilot.Shared.Sms.Outbound;

namespace Pilot.Shared.Sms.Inbound;

/// <summary>
/// Twilio's two webhooks: the status callback of a text we sent (our message id rides in the
/// callback URL's <c>messageId</c>) and an inbound text. Both are refused unless signed. Twilio's
/// signature covers the URL and the form but no time, so a captured request stays validly signed:
/// a delivery already acted on (the same message sid, and for a callback the same status) is refused
/// as a replay (a callback about a text once tried is remembered on the text, <see cref="TextEntity.Receipts"/>; any
/// other delivery in <see cref="WebhookReceipts"/>; inbound texts also by their handled mark, kept for good).
/// </summary>
public sealed class TwilioWebhooks(TwilioSignature signature, DeliveryReceipts receipts, InboundTexts inbound, WebhookReceipts received, TimeProvider time, ILogger<TwilioWebhooks> logger)
{
    public const string Provider = "twilio";
    private const string AlreadyReceived = "was already received: a replayed webhook is refused";

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

        var sid = request.Field("MessageSid") ?? request.Field("SmsSid");
        if (sid is null)
        {
            await receipts.ApplyAsync(messageId, status.Value, Provider, null, ct);
            return WebhookOutcome.Accepted;
        }

        // Remembered on the text it is about, in the write that applies it; a status for a text not found or not yet
        // tried in WebhookReceipts, as inbound texts are.
        var outcome = await receipts.ApplyOnceAsync(messageId, status.Value, Provider, sid, $"{Provider}|{sid}|{messageStatus}", ct);
        var delivery = $"status|{messageId}|{sid}|{messageStatus}";
        if (outcome == ReceiptOutcome.Replayed || (outcome == ReceiptOutcome.NotFound && await received.WasReceivedAsync(Provider, delivery, ct)))
        {
            logger.LogWarning("Twilio status {Status} for {MessageId} arrived again; refused as a replay", LogSafe.Text(messageStatus), LogSafe.Text(messageId));
            return WebhookOutcome.Replayed("MessageSid", AlreadyReceived);
        }

        if (outcome == ReceiptOutcome.NotFound)
        {
            await received.RecordAsync(Provider, delivery, time.GetUtcNow(), ct);
        }

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

        var delivery = $"inbound|{sid}";
        if (await received.WasReceivedAsync(Provider, delivery, ct))
        {
            logger.LogWarning("Twilio inbound text {MessageSid} arrived again; refused as a replay", LogSafe.Text(sid));
            return WebhookOutcome.Replayed("MessageSid", AlreadyReceived);
        }

        // Twilio's inbound webhook carries no receive time: the moment it reaches us is close enough.
        var outcome = await inbound.HandleAsync(new InboundText(from, request.Field("Body") ?? "", Provider, sid, time.GetUtcNow()), ct);
        await received.RecordAsync(Provider, delivery, time.GetUtcNow(), ct);
        return outcome == InboundOutcome.Duplicate ? WebhookOutcome.Replayed("MessageSid", AlreadyReceived) : WebhookOutcome.Accepted;
    }
}

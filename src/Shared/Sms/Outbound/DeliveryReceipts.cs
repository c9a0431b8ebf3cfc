using Microsoft.Extensions.Logging;
using Pilot.Shared.Sms;

namespace Pilot.Shared.Sms.Outbound;

/// <summary>
/// Applies a provider's delivery receipt (status callback, Event Grid report) to the text it is
/// about. State only moves forward, so a late or repeated receipt changes nothing. A receipt from the
/// provider that sent the text naming another of its messages means the parent was texted twice (a
/// resend after an answer was lost): the text is flagged <see cref="TextEntity.DuplicateSuspected"/>.
/// </summary>
public sealed class DeliveryReceipts(TextStore texts, TimeProvider time, ILogger<DeliveryReceipts> logger)
{
    private const int MaxConcurrencyRetries = 5;

    /// <returns>True when the receipt moved the text on; false when it was unknown, late or a repeat.</returns>
    public async Task<bool> ApplyAsync(string messageId, SmsDeliveryStatus status, string provider, string? providerMessageId, CancellationToken ct)
    {
        if (!TextRef.TryParseMessageId(messageId, out var reference))
        {
            logger.LogWarning("Delivery receipt from {Provider} names an unknown message id {MessageId}; ignored", provider, messageId);
            return false;
        }

        var state = TextStates.For(status);
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            var text = await texts.GetAsync(reference, ct);
            if (text is { DuplicateSuspected: false, ProviderMessageId: { } recorded } && providerMessageId is not null
                && text.Provider == provider && recorded != providerMessageId)
            {
                text.DuplicateSuspected = true;
                if (await texts.TryReplaceAsync(text, ct))
                {
                    logger.LogWarning("Text {TextId}: {Provider} reports a second message {Second} besides {First}; the parent may have had it twice", text.RowKey, provider, providerMessageId, recorded);
                }

                continue;
            }

            if (text is null || !TextStates.CanMove(text.State, state) || TextStates.IsPending(text.State))
            {
                // Unknown, already final, or a receipt for a text we have not tried to send: nothing to change.
                return false;
            }

            text.ApplyReceipt(status, provider, providerMessageId, time.GetUtcNow());
            if (await texts.TryReplaceAsync(text, ct))
            {
                logger.LogInformation("Text {TextId}: {Provider} receipt {Status}", text.RowKey, provider, status.ToWire());
                SmsOutcomeLog.Record(logger, state, text.RowKey, provider, status);
                return true;
            }
        }

        return false;
    }
}

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
    public async Task<bool> ApplyAsync(string messageId, SmsDeliveryStatus status, string provider, string? providerMessageId, CancellationToken ct) =>
        await ApplyOnceAsync(messageId, status, provider, providerMessageId, delivery: null, ct) == ReceiptOutcome.Applied;

    /// <summary>
    /// As <see cref="ApplyAsync"/>, remembering <paramref name="delivery"/> (what makes the provider's delivery unique)
    /// on the text, in the write that moves it (or, for a status it has already reached, a write of that alone): a
    /// delivery found there is a replay. One read and one write a receipt, where a separate record of deliveries cost
    /// two more requests. A receipt for a text not found or not yet tried is not remembered here
    /// (<see cref="ReceiptOutcome.NotFound"/>): the caller keeps those in <see cref="Inbound.WebhookReceipts"/>.
    /// </summary>
    public async Task<ReceiptOutcome> ApplyOnceAsync(string messageId, SmsDeliveryStatus status, string provider, string? providerMessageId, string? delivery, CancellationToken ct)
    {
        if (!TextRef.TryParseMessageId(messageId, out var reference))
        {
            logger.LogWarning("Delivery receipt from {Provider} names an unknown message id {MessageId}; ignored", provider, messageId);
            return ReceiptOutcome.NotFound;
        }

        var state = TextStates.For(status);
        if (await TryAsRememberedAsync(reference, state, status, provider, providerMessageId, delivery, ct) is { } fast)
        {
            return fast;
        }

        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            var text = await texts.GetAsync(reference, ct);
            if (text is null || TextStates.IsPending(text.State))
            {
                // Unknown, or a receipt for a text we have not tried to send: nothing to change.
                return ReceiptOutcome.NotFound;
            }

            if (delivery is not null && text.HasReceipt(delivery))
            {
                // Found on the first read: a replay. Found after a write that seemed to fail: that write (or a copy of
                // this delivery racing in beside it) was applied.
                return attempt == 0 ? ReceiptOutcome.Replayed : ReceiptOutcome.Applied;
            }

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

            if (!TextStates.CanMove(text.State, state))
            {
                // Already there or final: nothing to change but, when asked, remembering the delivery.
                if (delivery is null)
                {
                    return ReceiptOutcome.Unchanged;
                }

                text.RememberReceipt(delivery);
                if (await texts.TryReplaceAsync(text, ct))
                {
                    return ReceiptOutcome.Unchanged;
                }

                continue;
            }

            if (await MoveOnAsync(text, state, status, provider, providerMessageId, delivery, ct))
            {
                return ReceiptOutcome.Applied;
            }
        }

        return ReceiptOutcome.Unchanged;
    }

    /// <summary>
    /// The usual receipt, about a text this process wrote moments before, without reading it first: from the row as
    /// written (<see cref="TextStore.LastWritten"/>), with one ETag-checked write. A receipt that moves the text on is
    /// applied (<see cref="ReceiptOutcome.Applied"/>); one for a status the text has reached (Twilio's <c>sent</c> after the
    /// API's own answer) is remembered on it, as the read below would (<see cref="ReceiptOutcome.Unchanged"/>). Anything
    /// else (a repeat, a second message id, a row changed since) returns null, and the receipt is then handled from the
    /// stored row.
    /// </summary>
    private async Task<ReceiptOutcome?> TryAsRememberedAsync(TextRef reference, string state, SmsDeliveryStatus status, string provider, string? providerMessageId, string? delivery, CancellationToken ct)
    {
        // No pending text is remembered, nor any final one.
        if (texts.LastWritten(reference) is not { } text
            || (delivery is not null && text.HasReceipt(delivery))
            || (providerMessageId is not null && text.ProviderMessageId is { } recorded && recorded != providerMessageId))
        {
            return null;
        }

        if (TextStates.CanMove(text.State, state))
        {
            return await MoveOnAsync(text, state, status, provider, providerMessageId, delivery, ct) ? ReceiptOutcome.Applied : null;
        }

        if (delivery is null)
        {
            return null;
        }

        text.RememberReceipt(delivery);
        return await texts.TryReplaceAsync(text, ct) ? ReceiptOutcome.Unchanged : null;
    }

    private async Task<bool> MoveOnAsync(TextEntity text, string state, SmsDeliveryStatus status, string provider, string? providerMessageId, string? delivery, CancellationToken ct)
    {
        text.ApplyReceipt(status, provider, providerMessageId, time.GetUtcNow(), delivery);
        if (!await texts.TryReplaceAsync(text, ct))
        {
            return false;
        }

        logger.LogInformation("Text {TextId}: {Provider} receipt {Status}", text.RowKey, provider, status.ToWire());
        SmsOutcomeLog.Record(logger, state, text.RowKey, provider, status);
        return true;
    }
}

public enum ReceiptOutcome
{
    /// <summary>The receipt moved the text on.</summary>
    Applied,

    /// <summary>A status the text had reached, or one it cannot go back to: nothing changed.</summary>
    Unchanged,

    /// <summary>The same delivery came before: nothing changed.</summary>
    Replayed,

    /// <summary>No such text, or one not yet tried: nothing changed, and nothing remembered on it.</summary>
    NotFound,
}

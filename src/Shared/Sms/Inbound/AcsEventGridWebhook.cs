using Pilot.Shared.Phones;
using System.Security.Cryptography;
using System.Text;
using Azure.Messaging.EventGrid.SystemEvents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pilot.Shared.Reminders;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Validation;
using Pilot.Shared.Secrets;

namespace Pilot.Shared.Sms.Inbound;

/// <summary>
/// The Event Grid subscription of our Azure Communication Services resource: the subscription
/// handshake, delivery reports (our message id is the send's <c>tag</c>) and inbound texts. The whole
/// batch is read (by <see cref="AcsEventBatch"/>, with Azure.Messaging.EventGrid) before anything is acted on,
/// so a malformed event refuses the batch (400 naming the field) without half of it applied; event types we do
/// not use are skipped.
/// <para>
/// Event Grid must call with <c>?code=</c> <c>Sms:Acs:EventGridKey</c>; with no key configured every call is
/// refused. An event already acted on (its <c>id</c> in <see cref="WebhookReceipts"/>) or older than
/// <see cref="MaxEventAge"/> (Event Grid stops retrying after 24 hours, so only a replay can be older) is
/// not acted on again; a batch of nothing else is refused as a replay (409).
/// </para>
/// </summary>
public sealed class AcsEventGridWebhook(IOptions<WebhookOptions> options, DeliveryReceipts receipts, InboundTexts inbound, WebhookReceipts received, TimeProvider time, ILogger<AcsEventGridWebhook> logger)
{
    /// <summary>Event Grid's longest retry (a day) plus an hour for clocks that disagree.</summary>
    public static readonly TimeSpan MaxEventAge = TimeSpan.FromHours(25);

    public const string Provider = "acs";

    public async Task<WebhookOutcome> HandleAsync(ReadOnlyMemory<byte> body, string? code, CancellationToken ct)
    {
        if (!KeyMatches(code))
        {
            logger.LogWarning("Event Grid call refused: the code does not match Sms:Acs:EventGridKey");
            return WebhookOutcome.Forbidden;
        }

        var batch = AcsEventBatch.Read(body);
        if (batch.Error is { } refused)
        {
            return WebhookOutcome.Invalid(refused.Field, refused.Message);
        }

        var actions = new List<PendingEvent>();
        foreach (var item in batch.Events)
        {
            if (Plan(item, actions, ct) is { } answer)
            {
                return answer;
            }
        }

        return await ActAsync(actions, ct);
    }

    /// <returns>Null when the event was understood (its action, if any, added); else the answer to give at once.</returns>
    private WebhookOutcome? Plan(AcsEvent item, List<PendingEvent> actions, CancellationToken ct)
    {
        var path = item.Path;
        switch (item.Data)
        {
            case var _ when !item.Used:
                logger.LogInformation("Event Grid event {EventType} is not one Pilot uses; skipped", LogSafe.Text(item.Type));
                return null;

            case SubscriptionValidationEventData validation:
                return validation.ValidationCode is { Length: > 0 } validationCode
                    ? WebhookOutcome.Validation(validationCode)
                    : WebhookOutcome.Invalid($"{path}.data.validationCode", "is required");

            case AcsSmsDeliveryReportReceivedEventData report:
                if (report.DeliveryStatus is not { Length: > 0 } deliveryStatus)
                {
                    return WebhookOutcome.Invalid($"{path}.data.deliveryStatus", "is required");
                }

                var tag = report.Tag is { Length: > 0 } given ? given : null;
                var status = AcsDeliveryStatuses.Map(deliveryStatus, report.DeliveryStatusDetails);
                if (tag is null || status is null)
                {
                    // No tag: not a text Pilot sent. Other statuses: interim.
                    logger.LogInformation("ACS delivery report {Status} (tag {Tag}): nothing to record", LogSafe.Text(deliveryStatus), LogSafe.Text(tag));
                    return null;
                }

                var providerMessageId = report.MessageId is { Length: > 0 } id ? id : null;
                return Pending(item, actions, () => receipts.ApplyAsync(tag, status.Value, Provider, providerMessageId, ct));

            case AcsSmsReceivedEventData received:
                if (received.From is not { Length: > 0 } from)
                {
                    return WebhookOutcome.Invalid($"{path}.data.from", "is required");
                }

                if (received.MessageId is not { Length: > 0 } messageId)
                {
                    return WebhookOutcome.Invalid($"{path}.data.messageId", "is required");
                }

                var receivedAt = time.GetUtcNow();
                if (received.ReceivedTimestamp is { } at)
                {
                    // Kept as the text's time: one centuries away would escape the retention purge.
                    if (DateBounds.Near(receivedAt) is var near && !near.Contains(at))
                    {
                        return WebhookOutcome.Invalid($"{path}.data.receivedTimestamp", near.Refusal("receivedTimestamp").Message);
                    }

                    receivedAt = at.ToUniversalTime();
                }

                var text = new InboundText(from, received.Message ?? "", Provider, messageId, receivedAt);
                return Pending(item, actions, () => inbound.HandleAsync(text, ct));

            default:
                return WebhookOutcome.Invalid($"{path}.data", $"could not be read as the data of {item.Type}");
        }
    }

    /// <summary>An event to act on, once the whole batch has been read: its id and age decide whether it is a replay.</summary>
    private sealed record PendingEvent(string Path, string Id, DateTimeOffset EventTime, Func<Task> Act);

    private WebhookOutcome? Pending(AcsEvent item, List<PendingEvent> actions, Func<Task> act)
    {
        if (DateBounds.Near(time.GetUtcNow()) is var near && !near.Contains(item.Time))
        {
            return WebhookOutcome.Invalid($"{item.Path}.{item.TimeField}", near.Refusal(item.TimeField).Message);
        }

        actions.Add(new PendingEvent(item.Path, item.Id, item.Time, act));
        return null;
    }

    private async Task<WebhookOutcome> ActAsync(List<PendingEvent> events, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        PendingEvent? replayed = null;
        var acted = 0;
        foreach (var pending in events)
        {
            if (now - pending.EventTime > MaxEventAge || await received.WasReceivedAsync(Provider, pending.Id, ct))
            {
                logger.LogWarning("Event Grid event {EventId} ({EventTime:O}) was received before or is too old; not acted on again", LogSafe.Text(pending.Id), pending.EventTime);
                replayed ??= pending;
                continue;
            }

            await pending.Act();
            await received.RecordAsync(Provider, pending.Id, now, ct);
            acted++;
        }

        return replayed is not null && acted == 0
            ? WebhookOutcome.Replayed($"{replayed.Path}.id", "was already received, or is older than Event Grid retries: a replayed event is refused")
            : WebhookOutcome.Accepted;
    }

    private bool KeyMatches(string? code)
    {
        var key = options.Value.Acs.EventGridKey;
        if (!SecretValue.IsUsable(key))
        {
            logger.LogWarning("Event Grid call refused: Sms:Acs:EventGridKey is not set (or is an unresolved Key Vault reference), so no caller can be trusted");
            return false;
        }

        // Comma-separated while a key is rotated ("new,old"), so no event is refused in between.
        var given = Encoding.UTF8.GetBytes(code ?? "");
        var matched = false;
        foreach (var accepted in key.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            matched |= code is not null && CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(accepted));
        }

        return matched;
    }
}

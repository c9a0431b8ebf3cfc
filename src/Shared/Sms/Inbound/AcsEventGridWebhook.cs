using Pilot.Shared.Phones;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
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
/// batch is read before anything is acted on, so a malformed event refuses the batch (400 naming the
/// field) without half of it applied; event types we do not use are skipped.
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
    public const string SubscriptionValidation = "Microsoft.EventGrid.SubscriptionValidationEvent";
    public const string DeliveryReport = "Microsoft.Communication.SMSDeliveryReportReceived";
    public const string SmsReceived = "Microsoft.Communication.SMSReceived";

    public async Task<WebhookOutcome> HandleAsync(ReadOnlyMemory<byte> body, string? code, CancellationToken ct)
    {
        if (!KeyMatches(code))
        {
            logger.LogWarning("Event Grid call refused: the code does not match Sms:Acs:EventGridKey");
            return WebhookOutcome.Forbidden;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return WebhookOutcome.Invalid("body", "is not valid JSON");
        }

        using (document)
        {
            var root = document.RootElement;
            IReadOnlyList<JsonElement> events = root.ValueKind switch
            {
                JsonValueKind.Array => [.. root.EnumerateArray()],
                JsonValueKind.Object => [root],
                _ => [],
            };
            if (events.Count == 0)
            {
                return WebhookOutcome.Invalid("body", "must be an array of Event Grid events");
            }

            var actions = new List<PendingEvent>();
            for (var i = 0; i < events.Count; i++)
            {
                WebhookOutcome? parsed;
                try
                {
                    parsed = Parse(events[i], $"[{i}]", actions, ct);
                }
                catch (InvalidOperationException)
                {
                    // A string that is not valid UTF-16 once unescaped (a lone surrogate, "\ud800").
                    parsed = WebhookOutcome.Invalid($"[{i}]", "contains text that is not valid Unicode");
                }

                if (parsed is not null)
                {
                    return parsed;
                }
            }

            return await ActAsync(actions, ct);
        }
    }

    /// <returns>Null when the event was understood (its action, if any, added); else the answer to give at once.</returns>
    private WebhookOutcome? Parse(JsonElement item, string path, List<PendingEvent> actions, CancellationToken ct)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return WebhookOutcome.Invalid(path, "must be an Event Grid event object");
        }

        // Event Grid schema names it eventType; the CloudEvents schema, type.
        var eventType = String(item, "eventType") ?? String(item, "type");
        if (eventType is null)
        {
            return WebhookOutcome.Invalid($"{path}.eventType", "is required");
        }

        if (eventType is not (SubscriptionValidation or DeliveryReport or SmsReceived))
        {
            logger.LogInformation("Event Grid event {EventType} is not one Pilot uses; skipped", LogSafe.Text(eventType));
            return null;
        }

        if (Property(item, "data") is not { ValueKind: JsonValueKind.Object } data)
        {
            return WebhookOutcome.Invalid($"{path}.data", "must be an object");
        }

        switch (eventType)
        {
            case SubscriptionValidation:
                return String(data, "validationCode") is { } validationCode
                    ? WebhookOutcome.Validation(validationCode)
                    : WebhookOutcome.Invalid($"{path}.data.validationCode", "is required");

            case DeliveryReport:
                if (String(data, "DeliveryStatus") is not { } deliveryStatus)
                {
                    return WebhookOutcome.Invalid($"{path}.data.deliveryStatus", "is required");
                }

                var tag = String(data, "Tag");
                var status = AcsDeliveryStatuses.Map(deliveryStatus, String(data, "DeliveryStatusDetails"));
                if (tag is null || status is null)
                {
                    // No tag: not a text Pilot sent. Other statuses: interim.
                    logger.LogInformation("ACS delivery report {Status} (tag {Tag}): nothing to record", LogSafe.Text(deliveryStatus), LogSafe.Text(tag));
                    return null;
                }

                var providerMessageId = String(data, "MessageId");
                return Pending(item, path, actions, () => receipts.ApplyAsync(tag, status.Value, Provider, providerMessageId, ct));

            default:
                if (String(data, "From") is not { } from)
                {
                    return WebhookOutcome.Invalid($"{path}.data.from", "is required");
                }

                if (String(data, "MessageId") is not { } messageId)
                {
                    return WebhookOutcome.Invalid($"{path}.data.messageId", "is required");
                }

                var receivedAt = time.GetUtcNow();
                if (String(data, "ReceivedTimestamp") is { } stamp
                    && DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                {
                    // Kept as the text's time: one centuries away would escape the retention purge.
                    if (DateBounds.Near(receivedAt) is var near && !near.Contains(at))
                    {
                        return WebhookOutcome.Invalid($"{path}.data.receivedTimestamp", near.Refusal("receivedTimestamp").Message);
                    }

                    receivedAt = at.ToUniversalTime();
                }

                var text = new InboundText(from, String(data, "Message") ?? "", Provider, messageId, receivedAt);
                return Pending(item, path, actions, () => inbound.HandleAsync(text, ct));
        }
    }

    /// <summary>An event to act on, once the whole batch has been read: its id and age decide whether it is a replay.</summary>
    private sealed record PendingEvent(string Path, string Id, DateTimeOffset EventTime, Func<Task> Act);

    private WebhookOutcome? Pending(JsonElement item, string path, List<PendingEvent> actions, Func<Task> act)
    {
        if (String(item, "id") is not { } id)
        {
            return WebhookOutcome.Invalid($"{path}.id", "is required");
        }

        // Event Grid schema names it eventTime; the CloudEvents schema, time.
        if ((String(item, "eventTime") ?? String(item, "time")) is not { } stamp
            || !DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var eventTime))
        {
            return WebhookOutcome.Invalid($"{path}.eventTime", "is required, as an ISO 8601 time");
        }

        if (DateBounds.Near(time.GetUtcNow()) is var near && !near.Contains(eventTime))
        {
            return WebhookOutcome.Invalid($"{path}.eventTime", near.Refusal("eventTime").Message);
        }

        actions.Add(new PendingEvent(path, id, eventTime, act));
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

    /// <summary>ACS writes PascalCase and Event Grid camelCase; read either.</summary>
    private static JsonElement? Property(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static string? String(JsonElement element, string name)
        => Property(element, name) is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } text ? text : null;
}

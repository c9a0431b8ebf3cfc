using System.Globalization;
using System.Text.Json;
using Azure.Messaging;
using Azure.Messaging.EventGrid;
using Pilot.Shared.Validation;

namespace Pilot.Shared.Sms.Inbound;

/// <summary>
/// One event of an Event Grid delivery as Azure.Messaging.EventGrid read it: where it sits in the batch
/// (<c>[2]</c>), its envelope, and its system event data (<c>SubscriptionValidationEventData</c>,
/// <c>AcsSmsDeliveryReportReceivedEventData</c>, <c>AcsSmsReceivedEventData</c>); <see cref="Used"/> is false,
/// and <see cref="Data"/> null, for an event type Pilot does not act on. <see cref="TimeField"/> names the time as
/// the event's schema does (<c>eventTime</c>, or <c>time</c> in CloudEvents).
/// </summary>
public sealed record AcsEvent(string Path, string Type, string Id, DateTimeOffset Time, string TimeField, bool Used, object? Data);

/// <summary>The batch's events in order, or the first field that stops it being read.</summary>
public sealed record AcsEventBatchRead(IReadOnlyList<AcsEvent> Events, FieldError? Error)
{
    internal static AcsEventBatchRead Refused(string field, string message) => new([], new FieldError(field, message));
}

/// <summary>
/// Reads an Event Grid delivery (the Event Grid schema or CloudEvents 1.0; one event or an array of them) with
/// Azure.Messaging.EventGrid's parsers (<c>EventGridEvent.Parse</c>, <c>CloudEvent.Parse</c>) and its system event
/// models (<c>TryGetSystemEventData</c>). Pure: no storage, no clock.
/// <para>
/// Two things are done before the SDK sees an event. Its fields are checked, so that a bad one is refused by
/// name (<c>[2].data.from</c>): the SDK throws one exception that does not say which event or field. And the keys
/// of its data are camel-cased: ACS writes SMS event data in PascalCase (<c>"From"</c>, <c>"MessageId"</c>) while the
/// SDK's ACS models read camelCase only and would leave every field null (pinned by
/// <c>AcsEventBatchTests.The_sdk_alone_reads_no_field_of_pascal_case_acs_data</c>).
/// </para>
/// </summary>
public static class AcsEventBatch
{
    public const string SubscriptionValidation = "Microsoft.EventGrid.SubscriptionValidationEvent";
    public const string DeliveryReport = "Microsoft.Communication.SMSDeliveryReportReceived";
    public const string SmsReceived = "Microsoft.Communication.SMSReceived";

    private static readonly string[] EventGridStrings = ["id", "topic", "subject", "eventType", "eventTime", "dataVersion", "metadataVersion"];
    private static readonly string[] CloudEventStrings = ["specversion", "id", "source", "type", "time", "subject", "datacontenttype", "dataschema"];
    private static readonly string[] DataStrings = ["validationCode", "validationUrl", "messageId", "from", "to", "message", "receivedTimestamp", "tag", "deliveryStatus", "deliveryStatusDetails"];

    public static AcsEventBatchRead Read(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return AcsEventBatchRead.Refused("body", "is not valid JSON");
        }

        using (document)
        {
            var root = document.RootElement;
            IReadOnlyList<JsonElement> items = root.ValueKind switch
            {
                JsonValueKind.Array => [.. root.EnumerateArray()],
                JsonValueKind.Object => [root],
                _ => [],
            };
            if (items.Count == 0)
            {
                return AcsEventBatchRead.Refused("body", "must be an array of Event Grid events");
            }

            var events = new List<AcsEvent>(items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                var path = $"[{i}]";
                FieldError? error;
                AcsEvent? read;
                try
                {
                    (read, error) = ReadOne(items[i], path);
                }
                catch (InvalidOperationException)
                {
                    // A string that is not valid UTF-16 once unescaped (a lone surrogate, "\ud800").
                    (read, error) = (null, new FieldError(path, "contains text that is not valid Unicode"));
                }

                if (error is not null)
                {
                    return new AcsEventBatchRead([], error);
                }

                events.Add(read!);
            }

            return new AcsEventBatchRead(events, null);
        }
    }

    private static (AcsEvent? Event, FieldError? Error) ReadOne(JsonElement item, string path)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return Refuse(path, "must be an Event Grid event object");
        }

        var cloud = Property(item, "specversion") is not null;
        var (typeField, timeField) = cloud ? ("type", "time") : ("eventType", "eventTime");
        if (NotAString(item, cloud ? CloudEventStrings : EventGridStrings) is { } wrong)
        {
            return Refuse($"{path}.{wrong}", "must be a string");
        }

        if (String(item, typeField) is not { } type)
        {
            return Refuse($"{path}.{typeField}", "is required");
        }

        if (type is not (SubscriptionValidation or DeliveryReport or SmsReceived))
        {
            return (new AcsEvent(path, type, String(item, "id") ?? "", default, timeField, Used: false, Data: null), null);
        }

        if (String(item, "id") is null)
        {
            return Refuse($"{path}.id", "is required");
        }

        if (!IsTime(String(item, timeField)))
        {
            return Refuse($"{path}.{timeField}", "is required, as an ISO 8601 time");
        }

        if (Property(item, "data") is not { ValueKind: JsonValueKind.Object } data)
        {
            return Refuse($"{path}.data", "must be an object");
        }

        if (NotAString(data, DataStrings) is { } wrongData)
        {
            return Refuse($"{path}.data.{wrongData}", "must be a string");
        }

        if (String(data, "receivedTimestamp") is { } received && !IsTime(received))
        {
            return Refuse($"{path}.data.receivedTimestamp", "must be an ISO 8601 time");
        }

        try
        {
            var normalized = WithCamelCaseData(item, cloud);
            if (cloud)
            {
                var parsed = CloudEvent.Parse(normalized) ?? throw new FormatException("no event");
                parsed.TryGetSystemEventData(out var systemData);
                return (new AcsEvent(path, parsed.Type, parsed.Id, parsed.Time ?? default, timeField, Used: true, systemData), null);
            }
            else
            {
                var parsed = EventGridEvent.Parse(normalized);
                parsed.TryGetSystemEventData(out var systemData);
                return (new AcsEvent(path, parsed.EventType, parsed.Id, parsed.EventTime, timeField, Used: true, systemData), null);
            }
        }
        catch (ArgumentNullException missing) when (missing.ParamName is { Length: > 0 } name && name != "input")
        {
            // The SDK names the envelope property it needed (Subject, DataVersion, ...).
            return Refuse($"{path}.{char.ToLowerInvariant(name[0])}{name[1..]}", "is required");
        }
        catch (ArgumentException refused)
        {
            return Refuse(path, "is not an event: " + refused.Message.Split('\n')[0].Trim());
        }
        catch (FormatException)
        {
            return Refuse($"{path}.{timeField}", "is required, as an ISO 8601 time");
        }
    }

    /// <summary>
    /// The event as the SDK should see it: the data's keys camel-cased, and in the Event Grid schema a
    /// <c>subject</c> and <c>dataVersion</c> that are missing or null given as "" (Event Grid always sends both,
    /// Pilot reads neither, and the SDK refuses an event without them).
    /// </summary>
    private static BinaryData WithCamelCaseData(JsonElement item, bool cloud)
    {
        string[] defaulted = cloud ? [] : ["subject", "dataVersion"];
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in item.EnumerateObject())
            {
                if (property.Name == "data" && property.Value.ValueKind == JsonValueKind.Object)
                {
                    writer.WritePropertyName("data");
                    writer.WriteStartObject();
                    foreach (var field in property.Value.EnumerateObject())
                    {
                        writer.WritePropertyName(char.ToLowerInvariant(field.Name[0]) + field.Name[1..]);
                        field.Value.WriteTo(writer);
                    }

                    writer.WriteEndObject();
                }
                else if (!(defaulted.Contains(property.Name) && property.Value.ValueKind == JsonValueKind.Null))
                {
                    property.WriteTo(writer);
                }
            }

            foreach (var name in defaulted.Where(name => Property(item, name) is not { ValueKind: JsonValueKind.String }))
            {
                writer.WriteString(name, "");
            }

            writer.WriteEndObject();
        }

        return BinaryData.FromBytes(buffer.ToArray());
    }

    private static (AcsEvent?, FieldError?) Refuse(string field, string message) => (null, new FieldError(field, message));

    private static bool IsTime(string? value)
        => value is not null && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    /// <summary>The first of <paramref name="names"/> present with a value that is neither a string nor null.</summary>
    private static string? NotAString(JsonElement element, string[] names)
        => names.FirstOrDefault(name => Property(element, name) is { } value && value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null));

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

using System.Text.Json.Nodes;

namespace Pilot.IntegrationTests.BadInput;

/// <summary>
/// One valid request per HTTP function. A test fails when a function has none, so every new
/// endpoint is fuzzed from the day it is added.
/// </summary>
public static class EndpointSamples
{
    public const string Mobile = "mobile";
    public const string Postcode = "postcode";
    public const string Instant = "instant";
    public const string Date = "date";
    public const string Id = "id";

    public static IReadOnlyDictionary<string, EndpointSample> ByFunction { get; } = new Dictionary<string, EndpointSample>(StringComparer.Ordinal)
    {
        ["Health"] = new(_ => "health", BodyFormat.None, _ => null),
        ["ListVenues"] = new(_ => "venues", BodyFormat.None, _ => null),
        ["RegisterParent"] = new(
            _ => "parents",
            BodyFormat.Json,
            _ => JsonNode.Parse("""{"firstName":"Zofia","mobile":"07700 900456","address":{"lines":["3 Brixton Hill","London"],"postcode":"SW2 1RW"},"preferredLanguage":"pl","consents":{"reminders":true}}"""),
            new Dictionary<string, string> { ["mobile"] = Mobile, ["address.postcode"] = Postcode }),
        ["BookAppointment"] = new(
            _ => "appointments",
            BodyFormat.Json,
            s => new JsonObject { ["parentId"] = s.ParentId, ["venueId"] = "cc-lambeth-stockwell", ["startsAt"] = "2031-06-03T10:30:00+01:00", ["kind"] = "adviser", ["adviserName"] = "Priya S." },
            new Dictionary<string, string> { ["startsAt"] = Instant, ["parentId"] = Id, ["venueId"] = Id }),
        ["GetAppointment"] = new(s => $"appointments/{s.AppointmentId}", BodyFormat.None, _ => null, RouteField: "id", RouteFieldKind: Id, PathWithRouteValue: v => $"appointments/{v}"),

        // Every body mutation of a reschedule is invalid, so the real appointment is the target: it must not move.
        ["RescheduleAppointment"] = new(
            s => $"appointments/{s.AppointmentId}/reschedule",
            BodyFormat.Json,
            _ => new JsonObject { ["startsAt"] = "2031-06-04T14:00:00+01:00" },
            new Dictionary<string, string> { ["startsAt"] = Instant },
            RouteField: "id",
            RouteFieldKind: Id,
            PathWithRouteValue: v => $"appointments/{v}/reschedule"),

        // A cancel has no body: only bad ids and wrong methods are tried, never a good request to the real one.
        ["CancelAppointment"] = new(s => $"appointments/{s.AppointmentId}/cancel", BodyFormat.None, _ => null, RouteField: "id", RouteFieldKind: Id, PathWithRouteValue: v => $"appointments/{v}/cancel"),
        ["GetSmsCosts"] = new(_ => "sms/costs/2026-03-03", BodyFormat.None, _ => null, RouteField: "date", RouteFieldKind: Date, PathWithRouteValue: v => $"sms/costs/{v}"),
        ["TwilioStatusCallback"] = new(
            _ => "sms/twilio/status?messageId=203106031030-nobody-v1-confirmation",
            BodyFormat.TwilioForm,
            _ => new JsonObject { ["MessageSid"] = "SM0123456789abcdef0123456789abcdef", ["MessageStatus"] = "delivered", ["To"] = "+447700900999", ["From"] = "+447700900001", ["ErrorCode"] = "" }),
        ["TwilioInbound"] = new(
            _ => "sms/twilio/inbound",
            BodyFormat.TwilioForm,
            _ => new JsonObject { ["MessageSid"] = "SM11111111111111111111111111111111", ["From"] = "+447700900999", ["To"] = "+447700900001", ["Body"] = "Thanks", ["NumMedia"] = "0" }),
        ["AcsEvents"] = new(
            _ => "sms/acs/events",
            BodyFormat.EventGrid,
            _ => JsonNode.Parse("""[{"id":"e1","topic":"/subscriptions/x/resourceGroups/r/providers/Microsoft.Communication/communicationServices/pilot","subject":"/phonenumbers/+447700900001","eventType":"Microsoft.Communication.SMSReceived","eventTime":"2026-03-03T09:00:00Z","dataVersion":"1.0","metadataVersion":"1","data":{"messageId":"m1","from":"+447700900999","to":"+447700900001","message":"Thanks","receivedTimestamp":"2026-03-03T09:00:00Z"}}]""")),
    };
}

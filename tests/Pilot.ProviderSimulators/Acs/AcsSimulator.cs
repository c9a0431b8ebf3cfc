using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pilot.ProviderSimulators.Faults;
using Pilot.ProviderSimulators.Recording;
using Pilot.ProviderSimulators.Sms;
using Pilot.ProviderSimulators.Webhooks;

namespace Pilot.ProviderSimulators.Acs;

/// <summary>
/// Azure Communication Services SMS (api-version 2021-03-07): send with HMAC authentication and
/// repeatability, delivery reports and inbound texts as Event Grid events.
/// </summary>
public sealed class AcsSimulator
{
    public const string ApiVersion = "2021-03-07";
    public const string Topic =
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/pilot-sim/providers/Microsoft.Communication/CommunicationServices/sim";

    private readonly SimulatorOptions _options;
    private readonly byte[] _key;
    private readonly WebhookPoster _poster;
    private readonly CancellationToken _stopping;
    private readonly Lock _acceptGate = new();
    private readonly Dictionary<string, AcsMessage> _byRepeatabilityId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Status, string Details)> _outcomes = new(StringComparer.Ordinal);

    internal AcsSimulator(SimulatorOptions options, WebhookPoster poster, CancellationToken stopping)
    {
        _options = options;
        _key = Convert.FromBase64String(options.AcsAccessKeyBase64);
        _poster = poster;
        _stopping = stopping;
        Faults = new FaultScript(options.RandomSeed + 1);
    }

    /// <summary>Every request to the ACS endpoint, in arrival order, with the status answered.</summary>
    public RecordList<RecordedRequest> Requests { get; } = new();

    /// <summary>Distinct accepted messages: a repeated repeatability id adds none.</summary>
    public RecordList<AcsMessage> Accepted { get; } = new();

    /// <summary>Recipients answered from an earlier acceptance of their repeatability id.</summary>
    public RecordList<AcsDuplicate> DuplicateRequests { get; } = new();

    /// <summary>Why requests were refused 401 (the client only sees "Denied").</summary>
    public RecordList<string> AuthFailures { get; } = new();

    /// <summary>Event Grid deliveries the simulator posted (delivery reports, inbound, validation).</summary>
    public RecordList<WebhookDelivery> Webhooks { get; } = new();

    public FaultScript Faults { get; }

    /// <summary>Where Event Grid events go; none are sent while it is null.</summary>
    public Uri? EventGridWebhook { get; set; }

    /// <summary>The delivery report for this number says e.g. "Failed" with these details; the default is "Delivered".</summary>
    public void SetDeliveryStatus(string number, string deliveryStatus, string details) => _outcomes[number] = (deliveryStatus, details);

    /// <summary>Waits until every delivery report started so far has been posted.</summary>
    public Task WhenDeliveryReportsDoneAsync(CancellationToken ct = default) => _poster.WhenIdleAsync(ct);

    /// <summary>Posts an SMSReceived event, as ACS does when a parent texts the number.</summary>
    public Task<WebhookResponse> SendInboundAsync(string from, string to, string message, CancellationToken ct = default)
    {
        var now = _options.Time.GetUtcNow();
        var id = "Incoming_" + now.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("D") + "_noam";
        var data = new JsonObject
        {
            ["MessageId"] = id,
            ["From"] = from,
            ["To"] = to,
            ["Message"] = message,
            ["ReceivedTimestamp"] = Iso(now),
        };
        return PostEventAsync(Event(id, Subject(to), "Microsoft.Communication.SMSReceived", now, data), "Notification", ct);
    }

    /// <summary>Posts Event Grid's SubscriptionValidationEvent; the webhook must echo the code as validationResponse.</summary>
    public async Task<AcsValidationHandshake> SendValidationHandshakeAsync(CancellationToken ct = default)
    {
        var now = _options.Time.GetUtcNow();
        var code = Guid.NewGuid().ToString("D");
        var data = new JsonObject
        {
            ["validationCode"] = code,
            ["validationUrl"] = $"https://rp-uksouth.eventgrid.azure.net:553/eventsubscriptions/sim/validate?id={code}&t={Iso(now)}",
        };
        var validation = Event(Guid.NewGuid().ToString("D"), "", "Microsoft.EventGrid.SubscriptionValidationEvent", now, data);
        validation["dataVersion"] = "1";
        var response = await PostEventAsync(validation, "SubscriptionValidation", ct);
        return new AcsValidationHandshake(code, response, response.StatusCode == System.Net.HttpStatusCode.OK && Echoes(response.Body, code));
    }

    internal void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/sms", context => Exchange.RunAsync(context, Requests, _options.Time, HandleAsync));

    private async Task<SimResponse> HandleAsync(IncomingRequest request)
    {
        if (AcsHmacAuthentication.Verify(request, _key, _options.Time.GetUtcNow()) is { } failure)
        {
            AuthFailures.Add(failure);
            return Error(401, "Denied", "Denied by the resource provider.");
        }

        if (request.Context.Request.Query["api-version"] != ApiVersion)
        {
            return Error(400, "UnsupportedApiVersion", $"The HTTP resource does not support the api-version '{request.Context.Request.Query["api-version"]}'.");
        }

        var fault = await Exchange.ApplyDelaysAsync(Faults, _options.Time, request.Context.RequestAborted);
        return fault?.Kind switch
        {
            FaultKind.ServerError => Error(fault.StatusCode, "ServiceUnavailable", "The service is temporarily unavailable."),
            FaultKind.TooManyRequests => Error(429, "TooManyRequests", "Too many requests.") with
            {
                Headers = [("Retry-After", fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture))],
            },
            FaultKind.AcceptThenDrop => Send(request) with { Abort = true },
            _ => Send(request),
        };
    }

    private SimResponse Send(IncomingRequest request)
    {
        if (request.Json is not { ValueKind: JsonValueKind.Object } json)
        {
            return Error(400, "BadRequest", "The request body is not a JSON object.");
        }

        var from = String(json, "from");
        var text = String(json, "message");
        if (!PhoneNumbers.IsE164(from))
        {
            return Error(400, "BadRequest", "Invalid From phone number format.");
        }

        if (string.IsNullOrEmpty(text))
        {
            return Error(400, "BadRequest", "The message field is required.");
        }

        if (!json.TryGetProperty("smsRecipients", out var recipients) || recipients.ValueKind != JsonValueKind.Array || recipients.GetArrayLength() == 0)
        {
            return Error(400, "BadRequest", "The smsRecipients field is required.");
        }

        var options = json.TryGetProperty("smsSendOptions", out var o) && o.ValueKind == JsonValueKind.Object ? o : default;
        var deliveryReport = options.ValueKind == JsonValueKind.Object
            && options.TryGetProperty("enableDeliveryReport", out var report) && report.ValueKind == JsonValueKind.True;
        var tag = options.ValueKind == JsonValueKind.Object ? String(options, "tag") : null;

        var results = new JsonArray();
        var fresh = new List<AcsMessage>();
        var now = _options.Time.GetUtcNow();
        foreach (var recipient in recipients.EnumerateArray())
        {
            var to = String(recipient, "to");
            var repeatabilityId = String(recipient, "repeatabilityRequestId");
            if (!PhoneNumbers.IsE164(to))
            {
                results.Add(Result(to, null, 400, "rejected", "Invalid To phone number format."));
                continue;
            }

            AcsMessage? original;
            AcsMessage? accepted = null;
            lock (_acceptGate)
            {
                if (repeatabilityId is null || !_byRepeatabilityId.TryGetValue(repeatabilityId, out original))
                {
                    original = null;
                    accepted = new AcsMessage(NewMessageId(now), from!, to!, text, tag, deliveryReport, repeatabilityId, String(recipient, "repeatabilityFirstSent"), now);
                    if (repeatabilityId is not null)
                    {
                        _byRepeatabilityId[repeatabilityId] = accepted;
                    }

                    Accepted.Add(accepted);
                }
            }

            if (original is not null)
            {
                DuplicateRequests.Add(new AcsDuplicate(repeatabilityId!, to!, original.MessageId, now));
                results.Add(Result(to, original.MessageId, 202, "accepted", null));
            }
            else
            {
                fresh.Add(accepted!);
                results.Add(Result(to, accepted!.MessageId, 202, "accepted", null));
            }
        }

        return SimResponse.Of(202, new JsonObject { ["value"] = results }) with
        {
            AfterResponse = () =>
            {
                foreach (var message in fresh.Where(m => m.EnableDeliveryReport))
                {
                    _poster.Track(() => ReportDeliveryAsync(message));
                }
            },
        };
    }

    private async Task ReportDeliveryAsync(AcsMessage message)
    {
        if (EventGridWebhook is null)
        {
            return;
        }

        var now = _options.Time.GetUtcNow();
        var (status, details) = _outcomes.GetValueOrDefault(message.To, ("Delivered", "No error."));
        var delivered = status == "Delivered";
        var data = new JsonObject
        {
            ["MessageId"] = message.MessageId,
            ["From"] = message.From,
            ["To"] = message.To,
            ["DeliveryStatus"] = status,
            ["DeliveryStatusDetails"] = details,
            ["DeliveryAttempts"] = new JsonArray(new JsonObject
            {
                ["Timestamp"] = Iso(message.AcceptedAt),
                ["SegmentsSucceeded"] = delivered ? 1 : 0,
                ["SegmentsFailed"] = delivered ? 0 : 1,
            }),
            ["ReceivedTimestamp"] = Iso(now),
        };
        if (message.Tag is not null)
        {
            data["Tag"] = message.Tag;
        }

        var report = Event(Guid.NewGuid().ToString("D"), Subject(message.To), "Microsoft.Communication.SMSDeliveryReportReceived", now, data);
        await PostEventAsync(report, "Notification", _stopping);
    }

    private async Task<WebhookResponse> PostEventAsync(JsonObject gridEvent, string eventType, CancellationToken ct)
    {
        var url = EventGridWebhook ?? throw new InvalidOperationException("Set Acs.EventGridWebhook first.");
        var json = new JsonArray(gridEvent).ToJsonString();
        (string, string)[] headers =
        [
            ("aeg-event-type", eventType),
            ("aeg-subscription-name", "PILOT-SIM"),
            ("aeg-data-version", (string)gridEvent["dataVersion"]!),
            ("aeg-metadata-version", "1"),
            ("aeg-delivery-count", "0"),
        ];
        return await _poster.PostJsonAsync(Webhooks, url, json, headers, ct);
    }

    private static JsonObject Event(string id, string subject, string eventType, DateTimeOffset time, JsonObject data) => new()
    {
        ["id"] = id,
        ["topic"] = Topic,
        ["subject"] = subject,
        ["data"] = data,
        ["eventType"] = eventType,
        ["dataVersion"] = "1.0",
        ["metadataVersion"] = "1",
        ["eventTime"] = Iso(time),
    };

    private static JsonObject Result(string? to, string? messageId, int status, string repeatability, string? error) => new()
    {
        ["to"] = to,
        ["messageId"] = messageId,
        ["httpStatusCode"] = status,
        ["repeatabilityResult"] = repeatability,
        ["successful"] = status == 202,
        ["errorMessage"] = error,
    };

    private static SimResponse Error(int status, string code, string message) =>
        SimResponse.Of(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });

    private static bool Echoes(string body, string code)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("validationResponse", out var echoed)
                && echoed.ValueKind == JsonValueKind.String
                && echoed.GetString() == code;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string Subject(string number) => "/phonenumber/" + number.TrimStart('+');

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    // Like the service's ids: "Outgoing_" + UTC timestamp + a GUID + the region suffix.
    private static string NewMessageId(DateTimeOffset now) =>
        "Outgoing_" + now.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("D") + "_noam";
}

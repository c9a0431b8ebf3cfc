using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pilot.ProviderSimulators.Faults;
using Pilot.ProviderSimulators.Recording;
using Pilot.ProviderSimulators.Sms;
using Pilot.ProviderSimulators.Webhooks;

namespace Pilot.ProviderSimulators.Twilio;

/// <summary>
/// Twilio's Programmable Messaging API (2010-04-01): create, fetch and list messages, status callbacks,
/// inbound webhooks. Everything received is in <see cref="Requests"/>.
/// </summary>
public sealed class TwilioSimulator
{
    public const string ApiVersion = "2010-04-01";
    private const int MaxBodyLength = 1600;

    private readonly SimulatorOptions _options;
    private readonly WebhookPoster _poster;
    private readonly CancellationToken _stopping;
    private readonly ConcurrentDictionary<string, TwilioMessage> _messages = new(StringComparer.Ordinal);
    private readonly RecordList<string> _acceptedOrder = new();
    private readonly ConcurrentDictionary<string, bool> _optedOut = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TwilioDeliveryOutcome> _outcomes = new(StringComparer.Ordinal);

    internal TwilioSimulator(SimulatorOptions options, WebhookPoster poster, CancellationToken stopping)
    {
        _options = options;
        _poster = poster;
        _stopping = stopping;
        Faults = new FaultScript(options.RandomSeed);
    }

    /// <summary>Every request to the Twilio endpoints, in arrival order, with the status answered.</summary>
    public RecordList<RecordedRequest> Requests { get; } = new();

    /// <summary>Status callbacks and inbound webhooks the simulator posted.</summary>
    public RecordList<WebhookDelivery> Webhooks { get; } = new();

    public FaultScript Faults { get; }

    /// <summary>Whether accepted messages with a StatusCallback get their callbacks (statuses move on either way).</summary>
    public bool CallbacksEnabled { get; set; } = true;

    /// <summary>Messages accepted, in order, each as it stands now.</summary>
    public IReadOnlyList<TwilioMessage> Accepted => [.. _acceptedOrder.Snapshot().Select(sid => _messages[sid])];

    public TwilioMessage? Find(string messageSid) => _messages.GetValueOrDefault(messageSid);

    /// <summary>Marks a number as having replied STOP: sends to it get 21610.</summary>
    public void OptOut(string number) => _optedOut[number] = true;

    public void OptIn(string number) => _optedOut.TryRemove(number, out _);

    /// <summary>How messages to this number end; the default is delivered.</summary>
    public void SetDeliveryOutcome(string number, TwilioDeliveryOutcome outcome) => _outcomes[number] = outcome;

    /// <summary>Waits until every status callback started so far has been posted.</summary>
    public Task WhenCallbacksDoneAsync(CancellationToken ct = default) => _poster.WhenIdleAsync(ct);

    /// <summary>Posts a signed inbound-message webhook, as Twilio does when a parent texts the number.</summary>
    public async Task<WebhookResponse> SendInboundAsync(Uri webhook, string from, string to, string body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var sid = NewSid("SM");
        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ToCountry"] = "GB",
            ["SmsMessageSid"] = sid,
            ["NumMedia"] = "0",
            ["SmsSid"] = sid,
            ["SmsStatus"] = "received",
            ["Body"] = body,
            ["To"] = to,
            ["NumSegments"] = SegmentCounter.Count(body).ToString(CultureInfo.InvariantCulture),
            ["MessageSid"] = sid,
            ["AccountSid"] = _options.TwilioAccountSid,
            ["From"] = from,
            ["FromCountry"] = "GB",
            ["ApiVersion"] = ApiVersion,
        };
        return await PostSignedAsync(webhook, form, ct);
    }

    internal void Map(IEndpointRouteBuilder routes)
    {
        const string Account = "/2010-04-01/Accounts/{accountSid}";
        routes.MapPost(Account + "/Messages.json", context => Run(context, Create));
        routes.MapGet(Account + "/Messages.json", context => Run(context, List));
        routes.MapGet(Account + "/Messages/{messageSid}.json", context => Run(context, Fetch));
    }

    private Task Run(HttpContext context, Func<IncomingRequest, Fault?, SimResponse> endpoint) =>
        Exchange.RunAsync(context, Requests, _options.Time, async request =>
        {
            if (!Authenticated(request))
            {
                return Error(401, 20003, "Authenticate") with
                {
                    Headers = [("WWW-Authenticate", "Basic realm=\"Twilio API\"")],
                };
            }

            var fault = await Exchange.ApplyDelaysAsync(Faults, _options.Time, context.RequestAborted);
            return fault?.Kind switch
            {
                FaultKind.ServerError => Error(fault.StatusCode, 20500, "An internal server error has occurred"),
                FaultKind.TooManyRequests => Error(429, 20429, "Too Many Requests") with
                {
                    Headers = [("Retry-After", fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture))],
                },
                FaultKind.AcceptThenDrop => endpoint(request, fault) with { Abort = true },
                _ => endpoint(request, fault),
            };
        });

    private SimResponse Create(IncomingRequest request, Fault? fault)
    {
        _ = fault;
        var to = request.FormValue("To");
        var from = request.FormValue("From");
        var service = request.FormValue("MessagingServiceSid");
        var body = request.FormValue("Body");
        if (string.IsNullOrEmpty(to))
        {
            return Error(400, 21604, "A 'To' phone number is required.");
        }

        if (!PhoneNumbers.IsE164(to))
        {
            return Error(400, 21211, $"The 'To' number {to} is not a valid phone number.");
        }

        if (string.IsNullOrEmpty(from) && string.IsNullOrEmpty(service))
        {
            return Error(400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required to send a message.");
        }

        if (string.IsNullOrEmpty(body))
        {
            return Error(400, 21602, "Message body is required.");
        }

        if (body.Length > MaxBodyLength)
        {
            return Error(400, 21617, "The concatenated message body exceeds the 1600 character limit.");
        }

        if (PhoneNumbers.IsUkNonMobile(to))
        {
            return Error(400, 21614, "'To' number is not a valid mobile number");
        }

        if (_optedOut.ContainsKey(to))
        {
            return Error(400, 21610, "Attempt to send to unsubscribed recipient");
        }

        var callback = Uri.TryCreate(request.FormValue("StatusCallback"), UriKind.Absolute, out var url) ? url : null;
        int? validity = int.TryParse(request.FormValue("ValidityPeriod"), CultureInfo.InvariantCulture, out var seconds) ? seconds : null;
        var now = _options.Time.GetUtcNow();
        var message = new TwilioMessage(
            NewSid("SM"),
            _options.TwilioAccountSid,
            to,
            string.IsNullOrEmpty(from) ? null : from,
            string.IsNullOrEmpty(service) ? null : service,
            body,
            callback,
            validity,
            SegmentCounter.Count(body),
            "queued",
            null,
            now,
            now,
            null);
        _messages[message.Sid] = message;
        _acceptedOrder.Add(message.Sid);
        return SimResponse.Of(201, ToJson(message)) with { AfterResponse = () => _poster.Track(() => DeliverAsync(message.Sid)) };
    }

    private SimResponse Fetch(IncomingRequest request, Fault? fault)
    {
        _ = fault;
        var sid = (string?)request.Context.GetRouteValue("messageSid");
        return sid is not null && _messages.TryGetValue(sid, out var message)
            ? SimResponse.Of(200, ToJson(message))
            : Error(404, 20404, $"The requested resource {request.Context.Request.Path} was not found");
    }

    private SimResponse List(IncomingRequest request, Fault? fault)
    {
        _ = fault;
        var query = request.Context.Request.Query;
        var to = query["To"].ToString();
        var from = query["From"].ToString();
        var onOrAfter = ParseDay(query["DateSent>"].ToString(), endOfDay: false);
        var onOrBefore = ParseDay(query["DateSent<"].ToString(), endOfDay: true);
        var onDay = ParseDay(query["DateSent"].ToString(), endOfDay: false);
        var pageSize = int.TryParse(query["PageSize"], CultureInfo.InvariantCulture, out var size) ? Math.Clamp(size, 1, 1000) : 50;
        var page = int.TryParse(query["Page"], CultureInfo.InvariantCulture, out var p) ? Math.Max(p, 0) : 0;

        // Newest first, as Twilio lists them; a message not sent yet has no DateSent and a date filter leaves it out.
        var matching = Accepted
            .Where(m => to.Length == 0 || m.To == to)
            .Where(m => from.Length == 0 || m.From == from)
            .Where(m => onOrAfter is null || m.DateSent >= onOrAfter)
            .Where(m => onOrBefore is null || m.DateSent <= onOrBefore)
            .Where(m => onDay is null || (m.DateSent >= onDay && m.DateSent < onDay.Value.AddDays(1)))
            .Reverse()
            .ToList();
        var items = matching.Skip(page * pageSize).Take(pageSize).ToList();

        var path = request.Context.Request.Path.Value!;
        string PageUri(int n)
        {
            var parameters = query
                .Where(q => q.Key is not ("Page" or "PageSize" or "PageToken"))
                .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
                .Append(FormattableString.Invariant($"PageSize={pageSize}"))
                .Append(FormattableString.Invariant($"Page={n}"));
            return path + "?" + string.Join('&', parameters);
        }

        var hasNext = (page + 1) * pageSize < matching.Count;
        var json = new JsonObject
        {
            ["messages"] = new JsonArray([.. items.Select(m => (JsonNode)ToJson(m))]),
            ["end"] = page * pageSize + Math.Max(items.Count - 1, 0),
            ["first_page_uri"] = PageUri(0),
            ["next_page_uri"] = hasNext ? PageUri(page + 1) : null,
            ["page"] = page,
            ["page_size"] = pageSize,
            ["previous_page_uri"] = page > 0 ? PageUri(page - 1) : null,
            ["start"] = page * pageSize,
            ["uri"] = PageUri(page),
        };
        return SimResponse.Of(200, json);
    }

    private async Task DeliverAsync(string sid)
    {
        var message = _messages[sid];
        var outcome = _outcomes.GetValueOrDefault(message.To, TwilioDeliveryOutcome.Delivered);
        string[] statuses = outcome.FinalStatus == "failed" ? ["failed"] : ["sent", outcome.FinalStatus];
        foreach (var status in statuses)
        {
            var now = _options.Time.GetUtcNow();
            var final = status == outcome.FinalStatus;
            message = _messages.AddOrUpdate(
                sid,
                _ => throw new InvalidOperationException("A message is never removed."),
                (_, current) => current with
                {
                    Status = status,
                    DateUpdated = now,
                    DateSent = current.DateSent ?? (status == "sent" ? now : null),
                    ErrorCode = final ? outcome.ErrorCode : null,
                });
            if (!CallbacksEnabled || message.StatusCallback is null)
            {
                continue;
            }

            var form = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["SmsSid"] = sid,
                ["SmsStatus"] = status,
                ["MessageStatus"] = status,
                ["To"] = message.To,
                ["MessageSid"] = sid,
                ["AccountSid"] = message.AccountSid,
                ["From"] = message.From ?? "",
                ["ApiVersion"] = ApiVersion,
            };
            if (message.MessagingServiceSid is not null)
            {
                form["MessagingServiceSid"] = message.MessagingServiceSid;
            }

            if (final && outcome.ErrorCode is { } code)
            {
                form["ErrorCode"] = code.ToString(CultureInfo.InvariantCulture);
            }

            await PostSignedAsync(message.StatusCallback, form, _stopping);
        }
    }

    private async Task<WebhookResponse> PostSignedAsync(Uri url, Dictionary<string, string> form, CancellationToken ct)
    {
        var signature = TwilioSignature.Compute(_options.TwilioAuthToken, url, form);
        return await _poster.PostFormAsync(Webhooks, url, form, signature, ct);
    }

    private bool Authenticated(IncomingRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Header("Authorization"), out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return false;
        }

        string credentials;
        try
        {
            credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = $"{_options.TwilioAccountSid}:{_options.TwilioAuthToken}";
        var pathSid = (string?)request.Context.GetRouteValue("accountSid");
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(credentials), Encoding.UTF8.GetBytes(expected))
            && pathSid == _options.TwilioAccountSid;
    }

    private static JsonObject ToJson(TwilioMessage m)
    {
        var uri = $"/2010-04-01/Accounts/{m.AccountSid}/Messages/{m.Sid}";
        return new JsonObject
        {
            ["account_sid"] = m.AccountSid,
            ["api_version"] = ApiVersion,
            ["body"] = m.Body,
            ["date_created"] = Rfc2822(m.DateCreated),
            ["date_sent"] = m.DateSent is { } sent ? Rfc2822(sent) : null,
            ["date_updated"] = Rfc2822(m.DateUpdated),
            ["direction"] = "outbound-api",
            ["error_code"] = m.ErrorCode,
            ["error_message"] = null,
            ["from"] = m.From,
            ["messaging_service_sid"] = m.MessagingServiceSid,
            ["num_media"] = "0",
            ["num_segments"] = m.NumSegments.ToString(CultureInfo.InvariantCulture),
            ["price"] = null,
            ["price_unit"] = "USD",
            ["sid"] = m.Sid,
            ["status"] = m.Status,
            ["subresource_uris"] = new JsonObject { ["media"] = uri + "/Media.json" },
            ["to"] = m.To,
            ["uri"] = uri + ".json",
        };
    }

    private static SimResponse Error(int status, int code, string message) =>
        SimResponse.Of(status, new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["more_info"] = $"https://www.twilio.com/docs/errors/{code}",
            ["status"] = status,
        });

    private static string Rfc2822(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    /// <summary>A date filter: YYYY-MM-DD (the start or end of that UTC day) or a full ISO 8601 instant.</summary>
    private static DateTimeOffset? ParseDay(string value, bool endOfDay)
    {
        if (value.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? start.AddDays(1).AddTicks(-1) : start;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;
    }

    internal static string NewSid(string prefix) => prefix + Guid.NewGuid().ToString("N");
}

using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pilot.Shared.Phones;
using Pilot.Shared.Sms.Resilience;
using Polly;
using Polly.Registry;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Pilot.Shared.Sms.Twilio;

/// <summary>
/// Sends through Twilio's Messages API with the Twilio SDK, each attempt through the <c>sms-twilio</c> pipeline.
/// <para>
/// <b>Ambiguity rule.</b> Twilio has no idempotency key: a second POST is a second text. So when a request
/// may have reached Twilio and no answer came back (a timeout, or the connection dropped after the
/// request was sent) we never resend at once: we throw <see cref="SmsOutcomeUnknownException"/>, the sender
/// holds the text in <c>sending</c>, and after <see cref="SettleAfter"/> the status callback or
/// <see cref="FindAsync"/> (listing messages to that number since the due minute and matching the body)
/// decides: accepted, with its status, or never accepted, and only then sent again. A request that never
/// left (DNS failure, connection refused) is safe to retry, as are 429 and 5xx answers.
/// </para>
/// </summary>
public sealed class TwilioSmsGateway(
    IOptions<TwilioOptions> options,
    IHttpClientFactory httpClients,
    ResiliencePipelineProvider<string> pipelines,
    ISentTextLookup sentTexts,
    TimeProvider time,
    ILogger<TwilioSmsGateway> logger) : ISmsGateway
{
    public const string ProviderName = "twilio";
    public const string HttpClientName = "sms-twilio";

    /// <summary>How long after an ambiguous send Twilio has surely listed the message, if it took it.</summary>
    public static readonly TimeSpan SettleAfter = TimeSpan.FromMinutes(2);

    // 21211 invalid To, 21614 not a mobile, 21610 recipient sent STOP, 21408 region not enabled, 21612 unreachable route.
    private static readonly HashSet<int> RefusedRecipientCodes = [21211, 21614, 21610, 21408, 21612];

    private const int ListLimit = 50;

    private readonly ResiliencePipeline _pipeline = pipelines.GetPipeline(SmsResiliencePipelines.NameFor(ProviderName));

    public string Name => ProviderName;

    public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var analysis = SmsText.Analyse(message.Body);
        return await _pipeline.ExecuteAsync(
            static (state, ct) => new ValueTask<SmsSendResult>(state.Gateway.SendOnceAsync(state.Message, state.Analysis, state.Caller, ct)),
            (Gateway: this, Message: message, Analysis: analysis, Caller: cancellationToken),
            cancellationToken);
    }

    public async Task<SmsSendResult?> FindAsync(string messageId, CancellationToken cancellationToken)
    {
        var sent = await sentTexts.FindAsync(messageId, cancellationToken);
        if (sent is null)
        {
            return null;
        }

        var body = SmsText.Normalise(sent.Body);
        using var call = TwilioCallScope.Begin(cancellationToken);
        // Newest first and few: a parent gets a handful of texts a day. Filtered here rather than with
        // DateSent> because Twilio's date filter is by day and leaves out messages not sent yet (queued).
        var listed = await MessageResource.ReadAsync(
            new ReadMessageOptions { To = new PhoneNumber(sent.To), PageSize = ListLimit, Limit = ListLimit },
            Client());
        var match = listed
            .Where(m => m.DateCreated is null || new DateTimeOffset(DateTime.SpecifyKind(m.DateCreated.Value, DateTimeKind.Utc)) >= sent.DueAt.AddMinutes(-1))
            .Where(m => string.Equals(m.Body, body, StringComparison.Ordinal) || string.Equals(m.Body, sent.Body, StringComparison.Ordinal))
            .OrderBy(m => m.DateCreated)
            .FirstOrDefault();
        if (match is null)
        {
            logger.LogInformation("Twilio has no message {MessageId} to {To}", messageId, PhoneMask.Mask(sent.To));
            return null;
        }

        logger.LogInformation("Twilio accepted message {MessageId} to {To} as {Sid} ({Status})", messageId, PhoneMask.Mask(sent.To), match.Sid, match.Status);
        var analysis = SmsText.Analyse(sent.Body);
        var status = StatusOf(match.Status?.ToString());
        return new SmsSendResult(
            ProviderName,
            match.Sid,
            status,
            Segments(match.NumSegments) ?? analysis.Fragments,
            analysis.Encoding,
            match.DateCreated is { } created ? new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)) : time.GetUtcNow(),
            status is SmsDeliveryStatus.Sent or SmsDeliveryStatus.Delivered ? null : $"twilio {match.Status} {match.ErrorCode}");
    }

    /// <summary>Twilio's message statuses in GOV.UK Notify's words, as Notify maps them.</summary>
    public static SmsDeliveryStatus StatusOf(string? twilioStatus) => twilioStatus switch
    {
        "delivered" => SmsDeliveryStatus.Delivered,
        "undelivered" => SmsDeliveryStatus.PermanentFailure,
        "failed" => SmsDeliveryStatus.TechnicalFailure,
        _ => SmsDeliveryStatus.Sent,
    };

    private async Task<SmsSendResult> SendOnceAsync(SmsMessage message, SmsAnalysis analysis, CancellationToken caller, CancellationToken attempt)
    {
        var settings = options.Value;
        message.EnsureMayStart(ProviderName, time.GetUtcNow(), TimeSpan.FromSeconds(settings.TimeoutSeconds));
        var create = new CreateMessageOptions(new PhoneNumber(message.To))
        {
            Body = analysis.NormalisedText,
            StatusCallback = settings.StatusCallbackFor(message.MessageId),
        };
        if (!string.IsNullOrEmpty(settings.MessagingServiceSid))
        {
            create.MessagingServiceSid = settings.MessagingServiceSid;
        }
        else
        {
            create.From = new PhoneNumber(settings.From);
        }

        using var scope = TwilioCallScope.Begin(attempt);
        try
        {
            var created = await MessageResource.CreateAsync(create, Client());
            logger.LogInformation("Twilio accepted {MessageId} to {To} as {Sid}", message.MessageId, PhoneMask.Mask(message.To), created.Sid);
            return new SmsSendResult(ProviderName, created.Sid, SmsDeliveryStatus.Sent, Segments(created.NumSegments) ?? analysis.Fragments, analysis.Encoding, time.GetUtcNow());
        }
        catch (Exception ex) when (ex is ApiConnectionException || (ex is not ApiException && TransportFailures.IsTransport(ex)))
        {
            caller.ThrowIfCancellationRequested();
            if (scope.Call.Status == 0 && TransportFailures.RequestNeverSent(ex))
            {
                throw new SmsProviderException(ProviderName, "request never reached Twilio", isTransient: true, innerException: ex);
            }

            // The request may have reached Twilio: see the ambiguity rule above. Never resend at once.
            logger.LogWarning("Twilio may have accepted {MessageId} to {To} (no answer); settling it after {SettleAfter}", message.MessageId, PhoneMask.Mask(message.To), SettleAfter);
            throw new SmsOutcomeUnknownException(ProviderName, SettleAfter, ex);
        }
        catch (ApiException ex)
        {
            var status = ex.Status != 0 ? ex.Status : scope.Call.Status;
            if (RefusedRecipientCodes.Contains(ex.Code))
            {
                logger.LogWarning("Twilio refused {MessageId} to {To}: error {Code}", message.MessageId, PhoneMask.Mask(message.To), ex.Code);
                return new SmsSendResult(ProviderName, null, SmsDeliveryStatus.PermanentFailure, analysis.Fragments, analysis.Encoding, time.GetUtcNow(), $"twilio {ex.Code}");
            }

            var transient = ex.Code == 20429 || status == 429 || status >= 500;
            throw new SmsProviderException(ProviderName, FormattableString.Invariant($"HTTP {status}, error {ex.Code}"), transient, scope.Call.RetryAfter, ex);
        }
    }

    private static int? Segments(string? numSegments) =>
        int.TryParse(numSegments, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    // A client per call: factory clients are cheap and this keeps the factory's handler rotation.
    private TwilioRestClient Client()
    {
        var settings = options.Value;
        return new TwilioRestClient(settings.AccountSid, settings.AuthToken, httpClient: new SystemNetHttpClient(httpClients.CreateClient(HttpClientName)));
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Pilot.Shared.Sms.Resilience;

namespace Pilot.Shared.Sms.Acs;

/// <summary>
/// The one ACS SMS call we need, <c>POST {endpoint}/sms?api-version=2021-03-07</c>, signed with HMAC-SHA256
/// (the Azure.Communication.Sms package is not on our feed; this can give way to it later).
/// Answers with what came back; transport failures surface as the HttpClient's exceptions.
/// </summary>
public sealed class AcsSmsClient(IHttpClientFactory httpClients, IOptions<AcsOptions> options, TimeProvider time)
{
    public const string HttpClientName = "sms-acs";
    public const string ApiVersion = "2021-03-07";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task<AcsSendResponse> SendAsync(string messageId, string to, string message, DateTimeOffset? firstSentAt, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var connection = AcsConnectionString.Parse(settings.ConnectionString);
        var request = new AcsSendRequest(
            settings.From,
            message,
            [new AcsRecipient(to, AcsRepeatability.RequestId(messageId).ToString(), AcsRepeatability.FirstSent(messageId, firstSentAt))],
            new AcsSendOptions(EnableDeliveryReport: true, Tag: messageId));
        var body = JsonSerializer.SerializeToUtf8Bytes(request, Json);
        var uri = new Uri(connection.Endpoint, $"sms?api-version={ApiVersion}");
        using var http = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        http.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        AcsRequestSigner.Sign(http, body, connection.AccessKey, time.GetUtcNow());

        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(http, cancellationToken);
        var retryAfter = TransportFailures.RetryAfter(response, time);
        var status = (int)response.StatusCode;
        if (status != 202 && status != 200)
        {
            return new AcsSendResponse(status, null, retryAfter);
        }

        var answer = await response.Content.ReadFromJsonAsync<AcsSendAnswer>(Json, cancellationToken);
        return new AcsSendResponse(status, answer?.Value is { Count: > 0 } values ? values[0] : null, retryAfter);
    }

    private sealed record AcsSendRequest(string From, string Message, IReadOnlyList<AcsRecipient> SmsRecipients, AcsSendOptions SmsSendOptions);

    private sealed record AcsRecipient(string To, string RepeatabilityRequestId, string RepeatabilityFirstSent);

    private sealed record AcsSendOptions(bool EnableDeliveryReport, string Tag);

    private sealed record AcsSendAnswer(IReadOnlyList<AcsRecipientResult>? Value);
}

/// <summary>ACS's answer for one recipient.</summary>
public sealed record AcsRecipientResult(string? To, string? MessageId, int HttpStatusCode, string? RepeatabilityResult, bool Successful, string? ErrorMessage);

/// <summary>The HTTP status of the whole request, the recipient's result when there is one, and any Retry-After.</summary>
public sealed record AcsSendResponse(int HttpStatus, AcsRecipientResult? Recipient, TimeSpan? RetryAfter);

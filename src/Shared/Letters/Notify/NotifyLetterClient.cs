using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Pilot.Shared.Sms.Resilience;

namespace Pilot.Shared.Letters.Notify;

/// <summary>
/// The two GOV.UK Notify calls letters need, over its REST API (the GovukNotify package blocks on
/// <c>.Result</c> and hides the status in exception text): <c>POST /v2/notifications/letter</c> with a
/// precompiled PDF, and <c>GET /v2/notifications?reference=</c> to find a letter sent before a crash.
/// </summary>
public sealed class NotifyLetterClient(IHttpClientFactory httpClients, IOptions<NotifyOptions> options, TimeProvider time)
{
    public const string HttpClientName = "letters-notify";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Sends the PDF; answers Notify's notification id.</summary>
    public async Task<string> SendPrecompiledLetterAsync(string reference, ReadOnlyMemory<byte> pdf, string postage, CancellationToken cancellationToken)
    {
        var body = new PrecompiledLetterRequest(reference, Convert.ToBase64String(pdf.Span), postage);
        using var request = Request(HttpMethod.Post, "v2/notifications/letter");
        request.Content = JsonContent.Create(body, options: Json);
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        await ThrowUnlessSuccessAsync(response, cancellationToken);
        var answer = await response.Content.ReadFromJsonAsync<PrecompiledLetterResponse>(Json, cancellationToken);
        return answer?.Id is { Length: > 0 } id
            ? id
            : throw new NotifyApiException((int)response.StatusCode, "BadResponse", "the answer had no notification id", null);
    }

    /// <summary>Notify's id of the letter sent with this reference, or null when there is none.</summary>
    public async Task<string?> FindLetterAsync(string reference, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, $"v2/notifications?template_type=letter&reference={Uri.EscapeDataString(reference)}");
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        await ThrowUnlessSuccessAsync(response, cancellationToken);
        var answer = await response.Content.ReadFromJsonAsync<NotificationList>(Json, cancellationToken);
        return answer?.Notifications?.FirstOrDefault(n => n.Reference == reference)?.Id;
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var settings = options.Value;
        var baseUri = new Uri(settings.BaseUrl.TrimEnd('/') + "/");
        var request = new HttpRequestMessage(method, new Uri(baseUri, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", NotifyJwt.Create(NotifyApiKey.Parse(settings.ApiKey), time.GetUtcNow()));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("pilot-letters", "1.0"));
        return request;
    }

    private async Task ThrowUnlessSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var status = (int)response.StatusCode;
        var (error, message) = ("HTTPError", response.ReasonPhrase ?? "");
        try
        {
            var body = await response.Content.ReadFromJsonAsync<ErrorResponse>(Json, cancellationToken);
            if (body?.Errors is { Count: > 0 } errors)
            {
                (error, message) = (errors[0].Error ?? error, errors[0].Message ?? message);
            }
        }
        catch (JsonException)
        {
            // Not Notify's JSON (a proxy's page): the status says enough.
        }

        throw new NotifyApiException(status, error, message, TransportFailures.RetryAfter(response, time));
    }

    private sealed record PrecompiledLetterRequest(string Reference, string Content, string Postage);

    private sealed record PrecompiledLetterResponse(string? Id, string? Reference, string? Postage);

    private sealed record NotificationList(IReadOnlyList<NotificationSummary>? Notifications);

    private sealed record NotificationSummary(string? Id, string? Reference, string? Status);

    private sealed record ErrorResponse(int? StatusCode, IReadOnlyList<ErrorItem>? Errors);

    private sealed record ErrorItem(string? Error, string? Message);
}

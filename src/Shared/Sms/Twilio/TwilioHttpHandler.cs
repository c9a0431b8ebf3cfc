using Microsoft.Extensions.Options;
using Pilot.Shared.Sms.Resilience;

namespace Pilot.Shared.Sms.Twilio;

/// <summary>
/// The Twilio SDK's HttpClient pipeline: sends to <see cref="TwilioOptions.ApiBaseUrl"/> when it is not
/// Twilio's own (the SDK fixes the host), honours the attempt's cancellation, and keeps each response's
/// status and Retry-After in the <see cref="TwilioCallScope"/> for the gateway to read.
/// </summary>
public sealed class TwilioHttpHandler(IOptions<TwilioOptions> options, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.RequestUri = Rewrite(request.RequestUri!, options.Value.ApiBaseUrl);
        var scope = TwilioCallScope.Current;
        using var linked = scope is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, scope.CancellationToken);
        var response = await base.SendAsync(request, linked?.Token ?? cancellationToken);
        if (scope is not null)
        {
            scope.Status = (int)response.StatusCode;
            scope.RetryAfter = TransportFailures.RetryAfter(response, time);
        }

        return response;
    }

    /// <summary>Scheme, host and port from <paramref name="apiBaseUrl"/>; path and query kept.</summary>
    public static Uri Rewrite(Uri requestUri, string apiBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(requestUri);
        if (string.IsNullOrEmpty(apiBaseUrl) || string.Equals(apiBaseUrl.TrimEnd('/'), TwilioOptions.DefaultApiBaseUrl, StringComparison.OrdinalIgnoreCase))
        {
            return requestUri;
        }

        var target = new Uri(apiBaseUrl);
        return new UriBuilder(requestUri) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
    }
}

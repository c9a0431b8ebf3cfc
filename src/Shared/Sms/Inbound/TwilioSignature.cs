using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pilot.Shared.Secrets;
using Twilio.Security;

namespace Pilot.Shared.Sms.Inbound;

/// <summary>
/// Checks <c>X-Twilio-Signature</c> with the SDK's <see cref="RequestValidator"/>: HMAC of the URL
/// Twilio called plus the sorted form fields, keyed with the auth token. The URL is rebuilt from
/// <see cref="WebhookOptions.PublicBaseUrl"/>, because a proxy in front of the app changes the host
/// (and sometimes the scheme) we see, and the signature covers the address Twilio used.
/// </summary>
public sealed class TwilioSignature(IOptions<WebhookOptions> options, ILogger<TwilioSignature> logger)
{
    public const string Header = "X-Twilio-Signature";

    public bool IsValid(TwilioWebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        // Not configured (or a Key Vault reference the platform left unresolved, which the start-up check also refuses):
        // no signature can be trusted, so none is checked against it.
        if (!SecretValue.IsUsable(settings.Twilio.AuthToken) || string.IsNullOrEmpty(settings.PublicBaseUrl))
        {
            logger.LogWarning("Twilio webhook refused: Sms:Twilio:AuthToken (a secret, not a Key Vault reference) and Sms:PublicBaseUrl must both be set to check signatures");
            return false;
        }

        if (string.IsNullOrEmpty(request.Signature))
        {
            logger.LogWarning("Twilio webhook to {Path} refused: no {Header}", request.Path, Header);
            return false;
        }

        var url = PublicUrl(settings.PublicBaseUrl, request.Path, request.QueryString);
        var algorithm = RequestValidator.GetSignatureAlgorithm(request.SignatureSettings);
        var valid = new RequestValidator(settings.Twilio.AuthToken).Validate(url, request.Form.ToDictionary(), request.Signature, algorithm);
        if (!valid)
        {
            logger.LogWarning("Twilio webhook to {Path} refused: the signature does not match (is Sms:PublicBaseUrl the address Twilio calls?)", request.Path);
        }

        return valid;
    }

    /// <summary>The address Twilio called: the public base, the path and the query string exactly as received.</summary>
    public static string PublicUrl(string publicBaseUrl, string path, string queryString)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        return publicBaseUrl.TrimEnd('/') + path + queryString;
    }
}

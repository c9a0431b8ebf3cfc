namespace Pilot.Shared.Sms.Inbound;

/// <summary>
/// What the provider webhooks need, bound to section <c>Sms</c>. Kept apart from the gateways'
/// options so that receiving and sending can be configured (and reviewed) separately.
/// </summary>
public sealed class WebhookOptions
{
    public const string Section = "Sms";

    /// <summary>
    /// The public address providers call, scheme and host without <c>/api</c> (e.g. <c>https://pilot.example.org</c>).
    /// Twilio signs the URL it called; behind a proxy or Front Door the host we see differs, so the
    /// signature is checked against this address, never against the request's own host.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    public TwilioWebhookOptions Twilio { get; set; } = new();

    public AcsWebhookOptions Acs { get; set; } = new();

    public sealed class TwilioWebhookOptions
    {
        /// <summary><c>Sms:Twilio:AuthToken</c>: the account's auth token, the key of the webhook signatures. Unset, or an unresolved Key Vault reference: every Twilio webhook is refused.</summary>
        public string AuthToken { get; set; } = "";
    }

    public sealed class AcsWebhookOptions
    {
        /// <summary>
        /// <c>Sms:Acs:EventGridKey</c>: Event Grid must call with <c>?code=</c> this value (or one of its comma-separated
        /// values while rotating). Unset, or an unresolved Key Vault reference: every Event Grid call is refused.
        /// </summary>
        public string EventGridKey { get; set; } = "";
    }
}

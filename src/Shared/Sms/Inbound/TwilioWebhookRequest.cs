namespace Pilot.Shared.Sms.Inbound;

/// <summary>
/// A Twilio webhook as received: the path and query string it was called on, its form fields, and
/// the signature headers. The trigger copies these out of the HTTP request; nothing here is trusted
/// until <see cref="TwilioSignature"/> has checked it.
/// </summary>
/// <param name="Path">The request path, e.g. <c>/api/sms/twilio/status</c>.</param>
/// <param name="QueryString">With its leading <c>?</c>, or empty.</param>
/// <param name="SignatureSettings">The <c>X-Twilio-Webhooks-Signature-Settings</c> header (names the algorithm), usually absent.</param>
public sealed record TwilioWebhookRequest(
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Form,
    string? Signature,
    string? SignatureSettings = null)
{
    public string? Field(string name) => Form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}

using System.Net;

namespace Pilot.ProviderSimulators.Webhooks;

/// <summary>One webhook the simulator posted (status callback, delivery report, inbound message).</summary>
/// <param name="Form">The form fields, for Twilio's form posts; null for Event Grid's JSON.</param>
/// <param name="Signature">X-Twilio-Signature, for Twilio.</param>
/// <param name="StatusCode">The receiver's answer; null when it could not be reached (see <paramref name="Error"/>).</param>
public sealed record WebhookDelivery(
    DateTimeOffset SentAt,
    Uri Url,
    string Body,
    IReadOnlyDictionary<string, string>? Form,
    string? Signature,
    HttpStatusCode? StatusCode,
    string? Error);

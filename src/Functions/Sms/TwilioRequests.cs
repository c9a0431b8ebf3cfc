using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Pilot.Functions.Http;
using Pilot.Shared.Sms.Inbound;
using Pilot.Shared.Validation;

namespace Pilot.Functions.Sms;

/// <summary>Copies a Twilio webhook out of the HTTP request, and turns the outcome into the answer Twilio expects.</summary>
public static class TwilioRequests
{
    public const string SignatureSettingsHeader = "X-Twilio-Webhooks-Signature-Settings";

    /// <summary>
    /// The webhook's form, or the answer to give when there is none to read: a body over 1 MB is a
    /// 413, and a form that cannot be decoded (bad encoding, absurd keys) a 400 naming the body.
    /// </summary>
    public static async Task<(TwilioWebhookRequest? Webhook, IActionResult? Error)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, tooLarge) = await JsonBody.ReadBoundedAsync(request, ct);
        if (tooLarge is not null)
        {
            return (null, tooLarge);
        }

        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            request.Body = new MemoryStream(body.ToArray(), writable: false);
            try
            {
                foreach (var (key, values) in await request.ReadFormAsync(ct))
                {
                    form[key] = values.ToString();
                }
            }
            catch (InvalidDataException ex)
            {
                return (null, ProblemResults.Invalid([new FieldError("body", $"is not a readable form ({ex.Message})")]));
            }
        }

        return (new TwilioWebhookRequest(
            request.PathBase.Add(request.Path).ToString(),
            request.QueryString.ToString(),
            form,
            request.Headers[TwilioSignature.Header].FirstOrDefault(),
            request.Headers[SignatureSettingsHeader].FirstOrDefault()), null);
    }

    public static IActionResult Forbidden()
        => ProblemResults.Problem(StatusCodes.Status403Forbidden, "Forbidden", "X-Twilio-Signature is missing or does not match");

    /// <summary>The answer to anything but a delivery to act on: 403 unsigned or forged, 409 replayed; null when accepted.</summary>
    public static IActionResult? Refusal(WebhookOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Kind switch
        {
            WebhookOutcomeKind.Forbidden => Forbidden(),
            WebhookOutcomeKind.Replayed => ProblemResults.Replayed(outcome.Errors ?? []),
            _ => null,
        };
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Pilot.Functions.Http;
using Pilot.Shared.Sms.Inbound;

namespace Pilot.Functions.Sms;

/// <summary>Copies a Twilio webhook out of the HTTP request, and turns the outcome into the answer Twilio expects.</summary>
public static class TwilioRequests
{
    public const string SignatureSettingsHeader = "X-Twilio-Webhooks-Signature-Settings";

    public static async Task<TwilioWebhookRequest> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            foreach (var (key, values) in await request.ReadFormAsync(ct))
            {
                form[key] = values.ToString();
            }
        }

        return new TwilioWebhookRequest(
            request.PathBase.Add(request.Path).ToString(),
            request.QueryString.ToString(),
            form,
            request.Headers[TwilioSignature.Header].FirstOrDefault(),
            request.Headers[SignatureSettingsHeader].FirstOrDefault());
    }

    public static IActionResult Forbidden()
        => ProblemResults.Problem(StatusCodes.Status403Forbidden, "Forbidden", "X-Twilio-Signature is missing or does not match");
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Sms.Inbound;

namespace Pilot.Functions.Sms;

/// <summary>Twilio's status callback for a text we sent; anonymous because the signature is the authentication.</summary>
public sealed class TwilioStatusCallbackFunction(TwilioWebhooks webhooks)
{
    [PublicEndpoint("Twilio's X-Twilio-Signature, made with the auth token")]
    [Function("TwilioStatusCallback")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sms/twilio/status")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (webhook, unreadable) = await TwilioRequests.ReadAsync(request, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable;
        }

        var outcome = await webhooks.StatusCallbackAsync(webhook!, request.Query["messageId"].FirstOrDefault(), cancellationToken);
        return TwilioRequests.Refusal(outcome) ?? new OkResult();
    }
}

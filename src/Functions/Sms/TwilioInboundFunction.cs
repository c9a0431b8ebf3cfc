using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Sms.Inbound;

namespace Pilot.Functions.Sms;

/// <summary>A text a parent sent to our Twilio number; anonymous because the signature is the authentication.</summary>
public sealed class TwilioInboundFunction(TwilioWebhooks webhooks)
{
    /// <summary>An empty TwiML answer: our replies go out through the gateway, so they are recorded like every text.</summary>
    public const string EmptyTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    [PublicEndpoint("Twilio's X-Twilio-Signature, made with the auth token")]
    [Function("TwilioInbound")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sms/twilio/inbound")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (webhook, unreadable) = await TwilioRequests.ReadAsync(request, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable;
        }

        var outcome = await webhooks.InboundAsync(webhook!, cancellationToken);
        return TwilioRequests.Refusal(outcome)
            ?? new ContentResult { Content = EmptyTwiml, ContentType = "text/xml", StatusCode = StatusCodes.Status200OK };
    }
}

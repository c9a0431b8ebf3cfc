using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Sms.Inbound;

namespace Pilot.Functions.Sms;

/// <summary>
/// The Event Grid webhook for Azure Communication Services SMS events. Anonymous to the host: Event Grid
/// cannot send a function key header, so it calls with <c>?code=</c> <c>Sms:Acs:EventGridKey</c>, which the webhook checks.
/// </summary>
public sealed class AcsEventsFunction(AcsEventGridWebhook webhook)
{
    [PublicEndpoint("the Event Grid key (Sms:Acs:EventGridKey) in ?code=")]
    [Function("AcsEvents")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sms/acs/events")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (body, tooLarge) = await JsonBody.ReadBoundedAsync(request, cancellationToken);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        var outcome = await webhook.HandleAsync(body, request.Query["code"].FirstOrDefault(), cancellationToken);
        return outcome.Kind switch
        {
            WebhookOutcomeKind.Validation => new OkObjectResult(new { validationResponse = outcome.ValidationResponse }),
            WebhookOutcomeKind.Forbidden => ProblemResults.Problem(StatusCodes.Status403Forbidden, "Forbidden", "code is missing or does not match Sms:Acs:EventGridKey"),
            WebhookOutcomeKind.Invalid => ProblemResults.Invalid(outcome.Errors ?? []),
            WebhookOutcomeKind.Replayed => ProblemResults.Replayed(outcome.Errors ?? []),
            _ => new OkResult(),
        };
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Sms.Inbound;

namespace Pilot.Functions.Sms;

/// <summary>
/// The Event Grid webhook for Azure Communication Services SMS events. Anonymous: Event Grid cannot
/// send a function key header; the optional <c>Sms:Acs:EventGridKey</c> (as <c>?code=</c>) stands in until issue 7.
/// </summary>
public sealed class AcsEventsFunction(AcsEventGridWebhook webhook)
{
    [Function("AcsEvents")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sms/acs/events")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > JsonBody.MaxBytes)
        {
            return ProblemResults.Problem(StatusCodes.Status413PayloadTooLarge, "The request body is too large", $"body: at most {JsonBody.MaxBytes} bytes");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            // A chunked body has no Content-Length: stop reading at the limit rather than buffer it all.
            if (buffer.Length + read > JsonBody.MaxBytes)
            {
                return ProblemResults.Problem(StatusCodes.Status413PayloadTooLarge, "The request body is too large", $"body: at most {JsonBody.MaxBytes} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        var outcome = await webhook.HandleAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), request.Query["code"].FirstOrDefault(), cancellationToken);
        return outcome.Kind switch
        {
            WebhookOutcomeKind.Validation => new OkObjectResult(new { validationResponse = outcome.ValidationResponse }),
            WebhookOutcomeKind.Forbidden => ProblemResults.Problem(StatusCodes.Status403Forbidden, "Forbidden", "code does not match Sms:Acs:EventGridKey"),
            WebhookOutcomeKind.Invalid => ProblemResults.Invalid(outcome.Errors ?? []),
            _ => new OkResult(),
        };
    }
}

using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.WfiInvitations.Bulk;
using Pilot.Shared.WfiInvitations.Offices;

namespace Pilot.Functions.WfiInvitations;

public sealed class BulkWfiInvitationsFunction(WfiBulkImport import, OfficeCredentials credentials)
{
    [Function("BulkWfiInvitations")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "wfi-invitations/bulk")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (caller, unauthorized) = OfficeKey.Identify(request, credentials);
        if (unauthorized is not null)
        {
            return unauthorized;
        }

        var (body, tooLarge) = await JsonBody.ReadBoundedAsync(request, cancellationToken);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        var outcome = await import.ImportAsync(caller!, Encoding.UTF8.GetString(body.Span), cancellationToken);
        return ProblemResults.From(outcome, result => new ObjectResult(result) { StatusCode = result.Accepted.Count > 0 ? StatusCodes.Status202Accepted : StatusCodes.Status200OK });
    }
}

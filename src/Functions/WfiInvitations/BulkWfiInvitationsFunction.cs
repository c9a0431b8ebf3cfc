using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.WfiInvitations.Bulk;

namespace Pilot.Functions.WfiInvitations;

public sealed class BulkWfiInvitationsFunction(WfiBulkImport import, AccessGate gate)
{
    [Function("BulkWfiInvitations")]
    [Admits(Role.Office)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "wfi-invitations/bulk")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (caller, unauthorized) = gate.Admit(request, this);
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

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.WfiInvitations;

namespace Pilot.Functions.WfiInvitations;

public sealed class CancelWfiInvitationFunction(WfiInvitationDesk desk, AccessGate gate)
{
    [Function("CancelWfiInvitation")]
    [Admits(Role.Office)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "wfi-invitations/{id}/cancel")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var (caller, unauthorized) = gate.Admit(request, this);
        return unauthorized ?? ProblemResults.From(await desk.CancelAsync(caller!, id, cancellationToken), view => new OkObjectResult(view));
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.WfiInvitations;

namespace Pilot.Functions.WfiInvitations;

public sealed class GetWfiInvitationFunction(WfiInvitationDesk desk, AccessGate gate)
{
    [Function("GetWfiInvitation")]
    [Admits(Role.Office, Role.Central)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "wfi-invitations/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var (caller, unauthorized) = gate.Admit(request, this);
        return unauthorized ?? ProblemResults.From(await desk.GetAsync(caller!, id, cancellationToken), view => new OkObjectResult(view));
    }
}

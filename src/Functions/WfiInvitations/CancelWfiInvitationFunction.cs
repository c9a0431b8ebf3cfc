using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.WfiInvitations;
using Pilot.Shared.WfiInvitations.Offices;

namespace Pilot.Functions.WfiInvitations;

public sealed class CancelWfiInvitationFunction(WfiInvitationDesk desk, OfficeCredentials credentials)
{
    [Function("CancelWfiInvitation")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "wfi-invitations/{id}/cancel")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var (caller, unauthorized) = OfficeKey.Identify(request, credentials);
        return unauthorized ?? ProblemResults.From(await desk.CancelAsync(caller!, id, cancellationToken), view => new OkObjectResult(view));
    }
}

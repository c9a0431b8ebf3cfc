using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.WfiInvitations;

namespace Pilot.Functions.WfiInvitations;

public sealed class CreateWfiInvitationFunction(WfiInvitationDesk desk, AccessGate gate)
{
    [Function("CreateWfiInvitation")]
    [Admits(Role.Office)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "wfi-invitations")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (caller, unauthorized) = gate.Admit(request, this);
        if (unauthorized is not null)
        {
            return unauthorized;
        }

        var (body, error) = await JsonBody.ReadAsync<CreateWfiInvitationRequest>(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var outcome = await desk.CreateAsync(caller!, body, "api", cancellationToken);
        return ProblemResults.From(outcome, accepted => new AcceptedResult($"/api/wfi-invitations/{accepted.Id}", accepted));
    }
}

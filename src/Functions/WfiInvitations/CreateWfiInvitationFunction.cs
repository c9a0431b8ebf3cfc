using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.WfiInvitations;
using Pilot.Shared.WfiInvitations.Offices;

namespace Pilot.Functions.WfiInvitations;

public sealed class CreateWfiInvitationFunction(WfiInvitationDesk desk, OfficeCredentials credentials)
{
    [Function("CreateWfiInvitation")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "wfi-invitations")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (caller, unauthorized) = OfficeKey.Identify(request, credentials);
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

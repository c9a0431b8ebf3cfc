using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.Parents;

namespace Pilot.Functions.Parents;

/// <summary>Registers a parent to the calling office, which then owns them.</summary>
public sealed class RegisterParentFunction(ParentRegistration registration, AccessGate gate)
{
    [Function("RegisterParent")]
    [Admits(Role.Office)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "parents")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (caller, refused) = gate.Admit(request, this);
        if (refused is not null)
        {
            return refused;
        }

        var (body, error) = await JsonBody.ReadAsync<RegisterParentRequest>(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var outcome = await registration.RegisterAsync(caller!, body, cancellationToken);
        return ProblemResults.From(outcome, created => new CreatedResult($"/api/parents/{created.Id}", created));
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Parents;

namespace Pilot.Functions.Parents;

public sealed class RegisterParentFunction(ParentRegistration registration)
{
    [Function("RegisterParent")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "parents")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync<RegisterParentRequest>(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var outcome = await registration.RegisterAsync(body, cancellationToken);
        return ProblemResults.From(outcome, created => new CreatedResult($"/api/parents/{created.Id}", created));
    }
}

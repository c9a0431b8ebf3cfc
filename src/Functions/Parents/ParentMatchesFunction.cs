using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.Vacancies.Alerts;

namespace Pilot.Functions.Parents;

public sealed class ParentMatchesFunction(ParentMatches matches, AccessGate gate)
{
    [Function("GetParentMatches")]
    [Admits(Role.Office, Role.Central)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "parents/{id}/matches")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var (caller, refused) = gate.Admit(request, this);
        return refused ?? ProblemResults.From(await matches.ForParentAsync(caller!, id, cancellationToken), list => new OkObjectResult(list));
    }
}

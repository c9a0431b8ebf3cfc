using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Vacancies.Alerts;

namespace Pilot.Functions.Parents;

public sealed class ParentMatchesFunction(ParentMatches matches)
{
    [Function("GetParentMatches")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "parents/{id}/matches")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
        => ProblemResults.From(await matches.ForParentAsync(id, cancellationToken), list => new OkObjectResult(list));
}

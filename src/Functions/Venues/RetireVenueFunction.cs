using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.Venues;

namespace Pilot.Functions.Venues;

/// <summary>Retires a venue: 200 with it (<c>retired</c>, <c>retiredAt</c>); 404 for an unknown id.</summary>
public sealed class RetireVenueFunction(VenueCatalogue catalogue, AccessGate gate)
{
    [Function("RetireVenue")]
    [Admits(Role.Operator)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "venues/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var (_, refused) = gate.Admit(request, this);
        return refused ?? ProblemResults.From(await catalogue.RetireAsync(id, cancellationToken), venue => new OkObjectResult(venue));
    }
}

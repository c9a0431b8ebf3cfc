using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.Venues;

namespace Pilot.Functions.Venues;

/// <summary>Creates (201) or replaces (200) one children's centre or Jobcentre office.</summary>
public sealed class PutVenueFunction(VenueCatalogue catalogue, AccessGate gate)
{
    [Function("PutVenue")]
    [Admits(Role.Operator)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "venues/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var (_, refused) = gate.Admit(request, this);
        if (refused is not null)
        {
            return refused;
        }

        var (body, error) = await JsonBody.ReadAsync<VenueRequest>(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        return ProblemResults.From(
            await catalogue.PutAsync(id, body, cancellationToken),
            put => put.Created ? new CreatedResult($"/api/venues/{put.Venue.Id}", put.Venue) : new OkObjectResult(put.Venue));
    }
}

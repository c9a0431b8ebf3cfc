using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.Venues;

namespace Pilot.Functions.Venues;

/// <summary>Loads many venues from a CSV, row by row: 200 with the accepted and rejected rows.</summary>
public sealed class LoadVenuesFunction(VenueCatalogue catalogue, AccessGate gate)
{
    [Function("LoadVenues")]
    [Admits(Role.Operator)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "venues")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (_, refused) = gate.Admit(request, this);
        if (refused is not null)
        {
            return refused;
        }

        if (request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) != true)
        {
            return ProblemResults.Problem(StatusCodes.Status415UnsupportedMediaType, "Send a CSV", "Content-Type: text/csv is required (one venue as JSON: PUT /api/venues/{id})");
        }

        var (body, tooLarge) = await JsonBody.ReadBoundedAsync(request, cancellationToken);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        return ProblemResults.From(await catalogue.ImportCsvAsync(Encoding.UTF8.GetString(body.Span), cancellationToken), answer => new OkObjectResult(answer));
    }
}

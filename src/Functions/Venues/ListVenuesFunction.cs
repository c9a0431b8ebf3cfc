using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Shared.Venues;

namespace Pilot.Functions.Venues;

public sealed class ListVenuesFunction(VenueStore venues)
{
    [Function("ListVenues")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "venues")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var all = await venues.AllAsync(cancellationToken);
        return new OkObjectResult(all.Values.OrderBy(v => v.LocalAuthority, StringComparer.Ordinal).ThenBy(v => v.Kind, StringComparer.Ordinal).ThenBy(v => v.Name, StringComparer.Ordinal));
    }
}

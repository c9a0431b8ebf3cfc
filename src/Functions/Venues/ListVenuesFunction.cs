using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.Venues;

namespace Pilot.Functions.Venues;

public sealed class ListVenuesFunction(VenueStore venues, AccessGate gate)
{
    [Function("ListVenues")]
    [Admits(Role.Office, Role.Central, Role.Operator)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "venues")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (_, refused) = gate.Admit(request, this);
        if (refused is not null)
        {
            return refused;
        }

        var all = await venues.AllAsync(cancellationToken);
        return new OkObjectResult(all.Values.OrderBy(v => v.LocalAuthority, StringComparer.Ordinal).ThenBy(v => v.Kind, StringComparer.Ordinal).ThenBy(v => v.Name, StringComparer.Ordinal));
    }
}

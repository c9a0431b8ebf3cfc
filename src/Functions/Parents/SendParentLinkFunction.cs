using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.Parents.OwnPage;

namespace Pilot.Functions.Parents;

/// <summary>The parent's office texts them the link to their own page. No body; another office's parent is 404.</summary>
public sealed class SendParentLinkFunction(ParentLinks links, AccessGate gate)
{
    [Function("SendParentLink")]
    [Admits(Role.Office)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "parents/{id}/link")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var (caller, refused) = gate.Admit(request, this);
        return refused ?? ProblemResults.From(await links.SendAsync(caller!, id, cancellationToken), sent => new AcceptedResult((string?)null, sent));
    }
}

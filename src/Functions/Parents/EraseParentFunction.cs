using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.Parents.Erasure;

namespace Pilot.Functions.Parents;

/// <summary>
/// Erases a parent's personal data: 204 when erased, 404 when no parent of the caller's has the id (including one
/// erased before). The owning office erases; central erases on a subject-access request. Who asked is recorded.
/// </summary>
public sealed class EraseParentFunction(ParentErasure erasure, AccessGate gate)
{
    [Function("EraseParent")]
    [Admits(Role.Office, Role.Central)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "parents/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var (caller, refused) = gate.Admit(request, this);
        if (refused is not null)
        {
            return refused;
        }

        return await erasure.EraseAsync(caller!, id, cancellationToken) is null
            ? ProblemResults.Problem(StatusCodes.Status404NotFound, "Not found", "No parent of yours has this id (or it was erased already).")
            : new NoContentResult();
    }
}

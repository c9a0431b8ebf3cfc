using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Parents.Erasure;

namespace Pilot.Functions.Parents;

/// <summary>Erases a parent's personal data: 204 when erased, 404 when no parent has the id (including one erased before).</summary>
public sealed class EraseParentFunction(ParentErasure erasure)
{
    [Function("EraseParent")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "parents/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
        => await erasure.EraseAsync(id, cancellationToken) is null
            ? ProblemResults.Problem(StatusCodes.Status404NotFound, "Not found", "No parent has this id (or it was erased already).")
            : new NoContentResult();
}

using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.Parents.Changes;

namespace Pilot.Functions.Parents;

/// <summary>
/// An office changes one of its parents' language and job search: a JSON merge patch (RFC 7396) of the fields of
/// <c>POST /api/parents</c> that may change, checked as registration checks them. Another office's parent is 404.
/// </summary>
public sealed class PatchParentFunction(ParentPreferences preferences, AccessGate gate)
{
    [Function("PatchParent")]
    [Admits(Role.Office)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "patch", Route = "parents/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var (caller, refused) = gate.Admit(request, this);
        if (refused is not null)
        {
            return refused;
        }

        var (body, tooLarge) = await JsonBody.ReadBoundedAsync(request, cancellationToken);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        // The shape first (types, unknown fields, named as every endpoint names them), then the patch itself, whose
        // nulls (remove this) a typed record cannot tell from absent members.
        var (_, shapeError) = JsonBody.Parse<ParentChangeRequest>(body);
        if (shapeError is not null)
        {
            return shapeError;
        }

        var patch = (JsonObject)JsonNode.Parse(body.Span)!;
        return ProblemResults.From(await preferences.PatchAsync(caller!, id, patch, cancellationToken), view => new OkObjectResult(view));
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.WfiInvitations.Console;

namespace Pilot.Functions.WfiInvitations;

/// <summary>The office console's list of invitations: an office sees its own, central every office's.</summary>
public sealed class InvitationListPageFunction(InvitationListPage page, PageGate gate, TimeProvider time)
{
    [Function("InvitationListPage")]
    [Admits(Role.Office, Role.Central)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "office/invitations")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (caller, refusal) = await gate.AdmitAsync(request, this);
        if (refusal is not null)
        {
            return refusal;
        }

        var asked = new InvitationListQuery(request.Query["status"], request.Query["respondFrom"], request.Query["respondTo"], request.Query["search"], request.Query["page"]);
        var checkedQuery = asked.Check(time.GetUtcNow());
        var model = await page.BuildAsync(caller!, asked, checkedQuery, cancellationToken);
        var errors = checkedQuery.IsOk
            ? model.GetValueOrDefault("page_error") is string expired ? [new("page", expired)] : []
            : checkedQuery.Errors;
        return await gate.RenderAsync(request, errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK, "invitations", model, "WFI invitations", caller, errors);
    }
}

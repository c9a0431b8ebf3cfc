using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.WfiInvitations.Console;

namespace Pilot.Functions.WfiInvitations;

/// <summary>The office console's page for one invitation: another office's answers 404, as the API does.</summary>
public sealed class InvitationPageFunction(InvitationPage page, PageGate gate)
{
    [Function("InvitationPage")]
    [Admits(Role.Office, Role.Central)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "office/invitations/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (caller, refusal) = await gate.AdmitAsync(request, this);
        if (refusal is not null)
        {
            return refusal;
        }

        var (invitation, model) = await page.BuildAsync(caller!, id, request.Query["done"], cancellationToken);
        return model is null
            ? await gate.NotFoundAsync(request, caller!, invitation.Detail)
            : await gate.RenderAsync(request, StatusCodes.Status200OK, "invitation", model, $"WFI invitation {invitation.Value!.Reference}", caller);
    }
}

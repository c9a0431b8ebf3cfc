using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.WfiInvitations.Console;

namespace Pilot.Functions.WfiInvitations;

/// <summary>An invitation's letter PDF, behind the invitation's own fence: another office's answers 404.</summary>
public sealed class InvitationLetterFunction(InvitationLetters letters, PageGate gate)
{
    [Function("InvitationLetter")]
    [Admits(Role.Office, Role.Central)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "office/invitations/{id}/letter")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (caller, refusal) = await gate.AdmitAsync(request, this);
        if (refusal is not null)
        {
            return refusal;
        }

        var letter = await letters.ForInvitationAsync(caller!, id, cancellationToken);
        return letter.IsOk
            ? PageResults.Pdf(request, letter.Value.Pdf, letter.Value.Reference + ".pdf")
            : await gate.NotFoundAsync(request, caller!, letter.Detail);
    }
}

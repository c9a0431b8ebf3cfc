using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.WfiInvitations;
using Pilot.Shared.WfiInvitations.Console;

namespace Pilot.Functions.WfiInvitations;

/// <summary>
/// The letter an invitation would post, before it is sent: the new-invitation page shows it. Takes the fields of
/// <c>POST /api/wfi-invitations</c> in the query (ids and times only) and checks them as sending does.
/// </summary>
public sealed class LetterPreviewFunction(InvitationLetters letters, PageGate gate)
{
    [Function("LetterPreview")]
    [Admits(Role.Office)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "office/invitations/new/letter")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (caller, refusal) = await gate.AdmitAsync(request, this);
        if (refusal is not null)
        {
            return refusal;
        }

        var q = request.Query;
        var asked = new CreateWfiInvitationRequest(
            q["parentId"],
            null,
            new WfiOptionsRequest(new WfiOptionRequest(q["jobcentreStartsAt"], null), new WfiOptionRequest(q["centreStartsAt"], string.IsNullOrWhiteSpace(q["centreVenueId"]) ? null : q["centreVenueId"].ToString())),
            q["respondBy"]);
        var preview = await letters.PreviewAsync(caller!, asked, cancellationToken);
        return preview.IsOk
            ? PageResults.Pdf(request, preview.Value!, InvitationLetters.PreviewReference + ".pdf")
            : await gate.MessageAsync(
                request,
                StatusCodes.Status400BadRequest,
                "The letter cannot be previewed",
                string.Join("; ", preview.Errors.Select(e => $"{e.Field} {e.Message}")),
                "/api/office/invitations/new",
                "Start a new invitation",
                caller);
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.Validation;
using Pilot.Shared.WfiInvitations.Console;

namespace Pilot.Functions.WfiInvitations;

/// <summary>
/// The invitation page's forms: a choice made by phone, attendance, cancelling. Only the office that sent it; another
/// office's invitation is not found before anything else is looked at.
/// </summary>
public sealed class InvitationActionsFunction(InvitationPage page, PageGate gate)
{
    [Function("InvitationActions")]
    [Admits(Role.Office)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "office/invitations/{id}/actions")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (caller, refusal) = await gate.AdmitAsync(request, this);
        if (refusal is not null)
        {
            return refusal;
        }

        var (found, _) = await page.BuildAsync(caller!, id, null, cancellationToken);
        if (!found.IsOk)
        {
            return await gate.NotFoundAsync(request, caller!, found.Detail);
        }

        var form = await PageForms.ReadAsync(request, cancellationToken);
        if (form is null || !gate.AntiForgeryHolds(request, form))
        {
            return await ShowAsync(request, caller!, id, StatusCodes.Status400BadRequest, [new FieldError("action", "The form had expired: make the change again")], cancellationToken);
        }

        var action = form["action"].FirstOrDefault();
        var outcome = await page.ActAsync(caller!, id, action, form["option"].FirstOrDefault(), form["attended"].FirstOrDefault(), cancellationToken);
        return outcome.Kind switch
        {
            OutcomeKind.Ok => PageResults.SeeOther(request, $"/api/office/invitations/{Uri.EscapeDataString(id)}?done={Uri.EscapeDataString(action!)}"),
            OutcomeKind.NotFound => await gate.NotFoundAsync(request, caller!, outcome.Detail),
            OutcomeKind.Invalid => await ShowAsync(request, caller!, id, StatusCodes.Status400BadRequest, [.. outcome.Errors.Select(Sentence)], cancellationToken),
            _ => await ShowAsync(request, caller!, id, StatusCodes.Status409Conflict, [new FieldError("action", outcome.Detail ?? "This change cannot be made now")], cancellationToken),
        };
    }

    private async Task<IActionResult> ShowAsync(HttpRequest request, Caller caller, string id, int status, IReadOnlyList<FieldError> errors, CancellationToken ct)
    {
        var (found, model) = await page.BuildAsync(caller, id, null, ct);
        var withErrors = new Dictionary<string, object?>(model!, StringComparer.Ordinal);
        foreach (var error in errors)
        {
            withErrors[$"{error.Field}_error"] = error.Message;
        }

        return await gate.RenderAsync(request, status, "invitation", withErrors, $"WFI invitation {found.Value!.Reference}", caller, errors);
    }

    private static FieldError Sentence(FieldError error) => error.Field switch
    {
        "option" => new FieldError("option", "Select where the parent chose to have their interview"),
        "attended" => new FieldError("attended", "Select whether the parent attended"),
        _ => error,
    };
}

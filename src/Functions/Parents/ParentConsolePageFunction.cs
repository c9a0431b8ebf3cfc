using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.Parents;
using Pilot.Shared.Parents.Changes;
using Pilot.Shared.Parents.OwnPage;
using Pilot.Shared.Validation;

namespace Pilot.Functions.Parents;

/// <summary>
/// The office console's page for one of its parents: the same form as the parent's own page, the same service as
/// <c>PATCH /api/parents/{id}</c>, and a button that texts the parent the link to their own page (the service of
/// <c>POST /api/parents/{id}/link</c>). Only the office that registered the parent; another office's is a 404 page.
/// </summary>
public sealed class ParentConsolePageFunction(ParentPreferences preferences, ParentPages pages, ParentLinks links, PageGate gate)
{
    [Function("ParentConsolePage")]
    [Admits(Role.Office)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "office/parents/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (caller, refusal) = await gate.AdmitAsync(request, this);
        if (refusal is not null)
        {
            return refusal;
        }

        var found = await preferences.FindForChangeAsync(caller!, id, cancellationToken);
        if (!found.IsOk)
        {
            return await gate.NotFoundAsync(request, caller!, found.Detail);
        }

        var parent = found.Value!;
        var self = "/api/office/parents/" + Uri.EscapeDataString(id);
        if (!HttpMethods.IsPost(request.Method))
        {
            return await ShowAsync(request, caller!, parent, ParentPages.StoredForm(parent), [], self, request.Query["saved"] == "1", StatusCodes.Status200OK, cancellationToken, linkSent: request.Query["link"] == "sent");
        }

        var form = await PageForms.ReadAsync(request, cancellationToken);
        if (form is null || !gate.AntiForgeryHolds(request, form))
        {
            return await ShowAsync(request, caller!, parent, ParentPages.StoredForm(parent), [new FieldError("preferredLanguage", "The form had expired: make the changes again")], self, false, StatusCodes.Status400BadRequest, cancellationToken);
        }

        if (form["action"].FirstOrDefault() == SendLinkAction)
        {
            var sent = await links.SendAsync(caller!, id, cancellationToken);
            return sent.IsOk
                ? PageResults.SeeOther(request, self + "?link=sent")
                : await ShowAsync(request, caller!, parent, ParentPages.StoredForm(parent), [new FieldError(SendLinkAction, sent.Detail ?? "The link was not sent.")], self, false, StatusCodes.Status409Conflict, cancellationToken);
        }

        var posted = ParentPageForm.Read(name => form[name].FirstOrDefault());
        var errors = await pages.ChangeByOfficeAsync(caller!, id, posted, cancellationToken);
        return errors.Count == 0
            ? PageResults.SeeOther(request, self + "?saved=1")
            : await ShowAsync(request, caller!, parent, posted, errors, self, false, StatusCodes.Status400BadRequest, cancellationToken);
    }

    private const string SendLinkAction = "send-link";

    private async Task<IActionResult> ShowAsync(
        HttpRequest request, Caller caller, ParentEntity parent, ParentPageForm form, IReadOnlyList<FieldError> errors, string self, bool saved, int status, CancellationToken ct, bool linkSent = false)
    {
        var model = new Dictionary<string, object?>(await pages.ModelAsync(parent, form, errors, self, forOffice: true, saved, ct), StringComparer.Ordinal)
        {
            ["link_sent"] = linkSent,
            ["link_error"] = errors.FirstOrDefault(e => e.Field == SendLinkAction)?.Message,
        };
        return await gate.RenderAsync(request, status, ParentPages.Template, model, $"Parent {parent.FullName}", caller, errors);
    }
}

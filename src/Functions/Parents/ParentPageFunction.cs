using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Parents;
using Pilot.Shared.Parents.OwnPage;
using Pilot.Shared.Validation;

namespace Pilot.Functions.Parents;

/// <summary>
/// A parent's own page: anonymous, because the signed, expiring token in the address is the credential. A token that is
/// not ours (or for a parent no longer on record) gets a 404 page, an expired one a 410 page saying how to get another.
/// </summary>
public sealed class ParentPageFunction(ParentLinks links, ParentPages pages, PageGate gate)
{
    private const string Title = "Your appointments and job search";

    [Function("ParentPage")]
    [PublicEndpoint("the parent's signed, expiring link (the token in the path), texted to them on asking (CHANGE) or by their office")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "p/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var opened = await links.OpenAsync(token, cancellationToken);
        if (opened.State != ParentLinkState.Open)
        {
            return opened.State == ParentLinkState.Expired
                ? await gate.MessageAsync(request, StatusCodes.Status410Gone, "This link has expired", "Links to your page work for a few days. Text CHANGE to the number we text you from and we will send you a new link.", null, null, null)
                : await gate.MessageAsync(request, StatusCodes.Status404NotFound, "This link is not valid", "Check that you opened the whole link from your text message. To get a new link, text CHANGE to the number we text you from.", null, null, null);
        }

        var parent = opened.Parent!;
        var self = ParentLinks.PathPrefix + Uri.EscapeDataString(token);
        if (!HttpMethods.IsPost(request.Method))
        {
            return await ShowAsync(request, parent, ParentPages.StoredForm(parent), [], self, request.Query["saved"] == "1", StatusCodes.Status200OK, cancellationToken);
        }

        var form = await PageForms.ReadAsync(request, cancellationToken);
        if (form is null || !gate.AntiForgeryHolds(request, form))
        {
            return await ShowAsync(request, parent, ParentPages.StoredForm(parent), [new FieldError("preferredLanguage", "The form had expired: make your changes again")], self, false, StatusCodes.Status400BadRequest, cancellationToken);
        }

        var posted = ParentPageForm.Read(name => form[name].FirstOrDefault());
        var errors = await pages.ChangeByParentAsync(parent, posted, cancellationToken);
        return errors.Count == 0
            ? PageResults.SeeOther(request, self + "?saved=1")
            : await ShowAsync(request, parent, posted, errors, self, false, StatusCodes.Status400BadRequest, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(HttpRequest request, ParentEntity parent, ParentPageForm form, IReadOnlyList<FieldError> errors, string self, bool saved, int status, CancellationToken ct)
    {
        var model = await pages.ModelAsync(parent, form, errors, self, forOffice: false, saved, ct);
        return await gate.RenderAsync(request, status, ParentPages.Template, model, Title, caller: null, errors);
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.Validation;
using Pilot.Shared.WfiInvitations.Console;

namespace Pilot.Functions.WfiInvitations;

/// <summary>The office console's new invitation: find or register the parent, choose the appointments, check the letter, send.</summary>
public sealed class NewInvitationPageFunction(NewInvitationPage page, PageGate gate)
{
    private const string Title = "New WFI invitation";

    [Function("NewInvitationPage")]
    [Admits(Role.Office)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "office/invitations/new")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (caller, refusal) = await gate.AdmitAsync(request, this);
        if (refusal is not null)
        {
            return refusal;
        }

        if (HttpMethods.IsGet(request.Method))
        {
            return await ShowAsync(request, caller!, NewInvitationPage.Start());
        }

        var form = await PageForms.ReadAsync(request, cancellationToken);
        if (form is null || !gate.AntiForgeryHolds(request, form))
        {
            var expired = NewInvitationPage.Start();
            return await ShowAsync(request, caller!, expired with { Status = StatusCodes.Status400BadRequest, Errors = [new FieldError("mobile", "The form had expired: start again")] });
        }

        var step = await page.PostAsync(caller!, NewInvitationForm.Read(name => form[name].FirstOrDefault()), cancellationToken);
        return step.SentId is { } id
            ? PageResults.SeeOther(request, $"/api/office/invitations/{Uri.EscapeDataString(id)}?done={InvitationPage.Sent}")
            : await ShowAsync(request, caller!, step);
    }

    private Task<IActionResult> ShowAsync(HttpRequest request, Caller caller, NewInvitationStep step)
        => gate.RenderAsync(request, step.Status, "new-invitation", step.Model, Title, caller, step.Errors, embedsLetter: step.Model.GetValueOrDefault("step") as string == NewInvitationPage.StepPreview);
}

using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.Validation;
using Pilot.Shared.WfiInvitations.Console;

namespace Pilot.Functions.WfiInvitations;

/// <summary>The office console's file upload: the bulk CSV of <c>POST /api/wfi-invitations/bulk</c>, with a result per row.</summary>
public sealed class UploadInvitationsPageFunction(InvitationUploadPage page, PageGate gate)
{
    private const string Title = "Upload a file of WFI invitations";

    [Function("UploadInvitationsPage")]
    [Admits(Role.Office)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "office/invitations/upload")] HttpRequest request,
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
            return await ShowAsync(request, caller!, StatusCodes.Status200OK, new Dictionary<string, object?>(), []);
        }

        var form = await PageForms.ReadAsync(request, cancellationToken);
        if (form is null)
        {
            return await RefuseAsync(request, caller!, "The file must be a CSV file of 1 MB or less");
        }

        if (!gate.AntiForgeryHolds(request, form))
        {
            return await RefuseAsync(request, caller!, "The form had expired: choose the file again");
        }

        if (form.Files.GetFile("file") is not { Length: > 0 } file)
        {
            return await RefuseAsync(request, caller!, "Select a CSV file");
        }

        string csv;
        using (var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8))
        {
            csv = await reader.ReadToEndAsync(cancellationToken);
        }

        var uploaded = await page.UploadAsync(caller!, csv, cancellationToken);
        return uploaded.IsOk
            ? await ShowAsync(request, caller!, StatusCodes.Status200OK, uploaded.Value!, [])
            : await ShowAsync(request, caller!, StatusCodes.Status400BadRequest, FieldErrors(uploaded.Errors), uploaded.Errors);
    }

    private Task<IActionResult> RefuseAsync(HttpRequest request, Caller caller, string message)
    {
        FieldError[] errors = [new("file", message)];
        return ShowAsync(request, caller, StatusCodes.Status400BadRequest, FieldErrors(errors), errors);
    }

    private static Dictionary<string, object?> FieldErrors(IReadOnlyList<FieldError> errors)
        => new(StringComparer.Ordinal) { ["file_error"] = string.Join(" ", errors.Select(e => e.Message)) };

    private Task<IActionResult> ShowAsync(HttpRequest request, Caller caller, int status, IReadOnlyDictionary<string, object?> model, IReadOnlyList<FieldError> errors)
        => gate.RenderAsync(request, status, "upload", model, Title, caller, errors);
}

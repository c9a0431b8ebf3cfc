using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.Validation;
using Pilot.Shared.WfiInvitations.Console;

namespace Pilot.Functions.WfiInvitations;

/// <summary>
/// The refused rows an upload's results page holds, handed back as a CSV file to correct and upload again. They come
/// in the form's body (never in an address, never stored, never logged): the page that showed them posts them back.
/// </summary>
public sealed class RefusedRowsDownloadFunction(PageGate gate)
{
    [Function("RefusedRowsDownload")]
    [Admits(Role.Office)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "office/invitations/upload/refused")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (caller, refusal) = await gate.AdmitAsync(request, this);
        if (refusal is not null)
        {
            return refusal;
        }

        var form = await PageForms.ReadAsync(request, cancellationToken);
        if (form is null || !gate.AntiForgeryHolds(request, form) || form["rows"].FirstOrDefault() is not { Length: > 0 } rows)
        {
            FieldError[] errors = [new("file", "The results had expired: upload the file again")];
            return await gate.RenderAsync(request, StatusCodes.Status400BadRequest, "upload", new Dictionary<string, object?>(StringComparer.Ordinal) { ["file_error"] = errors[0].Message }, "Upload a file of WFI invitations", caller, errors);
        }

        return PageResults.CsvDownload(request, rows, InvitationUploadPage.RefusedFileName);
    }
}

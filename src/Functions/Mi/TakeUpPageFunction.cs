using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.Pages;
using Pilot.Shared.WfiInvitations.TakeUp;

namespace Pilot.Functions.Mi;

/// <summary>The take-up report page: the figures of <c>GET /api/mi/wfi</c> as a table, a chart and a CSV download (<c>format=csv</c>).</summary>
public sealed class TakeUpPageFunction(TakeUpPage page, PageGate gate)
{
    [Function("TakeUpPage")]
    [Admits(Role.Office, Role.Centre, Role.Central)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "office/take-up")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (caller, refusal) = await gate.AdmitAsync(request, this);
        if (refusal is not null)
        {
            return refusal;
        }

        var view = await page.BuildAsync(caller!, request.Query["from"], request.Query["to"], request.Query["groupBy"], cancellationToken);
        if (request.Query["format"] == "csv" && view.Report.IsOk)
        {
            PageResults.Secure(request.HttpContext.Response, personal: true);
            request.HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"wfi-take-up-{view.Report.Value!.From}-{view.Report.Value.To}.csv\"";
            return new FileContentResult(Encoding.UTF8.GetBytes(WfiTakeUpReport.ToCsv(view.Report.Value)), "text/csv; charset=utf-8");
        }

        var status = view.Report.IsOk ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        return await gate.RenderAsync(request, status, "take-up", view.Model, "WFI letter take-up", caller, view.Errors);
    }
}

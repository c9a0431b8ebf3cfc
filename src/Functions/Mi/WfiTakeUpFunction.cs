using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.WfiInvitations.TakeUp;

namespace Pilot.Functions.Mi;

/// <summary>WFI take-up figures: JSON, or CSV when the caller sends <c>Accept: text/csv</c>.</summary>
public sealed class WfiTakeUpFunction(WfiTakeUpReport report, AccessGate gate)
{
    [Function("WfiTakeUp")]
    [Admits(Role.Office, Role.Centre, Role.Central)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "mi/wfi")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (caller, unauthorized) = gate.Admit(request, this);
        if (unauthorized is not null)
        {
            return unauthorized;
        }

        var outcome = await report.BuildAsync(caller!, request.Query["from"], request.Query["to"], request.Query["groupBy"], cancellationToken);
        var wantsCsv = request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));
        return ProblemResults.From(outcome, figures => wantsCsv
            ? new ContentResult { StatusCode = StatusCodes.Status200OK, ContentType = "text/csv; charset=utf-8", Content = WfiTakeUpReport.ToCsv(figures) }
            : new OkObjectResult(figures));
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Pages;

namespace Pilot.Functions.Mi;

/// <summary>The report address the WFI issue named: it sends the browser to the take-up page, keeping the period asked for.</summary>
public static class WfiTakeUpReportRedirectFunction
{
    [Function("WfiTakeUpReportRedirect")]
    [PublicEndpoint("only a redirect to /api/office/take-up, which admits its callers itself")]
    public static IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "mi/wfi/report")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = QueryString.Create(request.Query
            .Where(q => q.Key is "from" or "to" or "groupBy")
            .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.FirstOrDefault())));
        return PageResults.SeeOther(request, PagePaths.TakeUp + query.Value);
    }
}

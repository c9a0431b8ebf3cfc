using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.Sms.Costs;

namespace Pilot.Functions.Sms;

public sealed class SmsCostsFunction(SmsCostReport report, AccessGate gate)
{
    [Function("GetSmsCosts")]
    [Admits(Role.Central)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "sms/costs/{date}")] HttpRequest request,
        string date,
        CancellationToken cancellationToken)
    {
        var (_, refused) = gate.Admit(request, this);
        return refused ?? ProblemResults.From(await report.ForDayAsync(date, cancellationToken), day => new OkObjectResult(day));
    }
}

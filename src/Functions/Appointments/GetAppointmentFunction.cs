using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.Appointments;

namespace Pilot.Functions.Appointments;

public sealed class GetAppointmentFunction(AppointmentBooking booking, AccessGate gate)
{
    [Function("GetAppointment")]
    [Admits(Role.Office, Role.Central)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "appointments/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var (caller, refused) = gate.Admit(request, this);
        return refused ?? ProblemResults.From(await booking.GetAsync(caller!, id, cancellationToken), view => new OkObjectResult(view));
    }
}

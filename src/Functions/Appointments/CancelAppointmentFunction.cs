using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.Appointments;

namespace Pilot.Functions.Appointments;

public sealed class CancelAppointmentFunction(AppointmentBooking booking, AccessGate gate)
{
    [Function("CancelAppointment")]
    [Admits(Role.Office)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "appointments/{id}/cancel")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var (caller, refused) = gate.Admit(request, this);
        return refused ?? ProblemResults.From(await booking.CancelAsync(caller!, id, cancellationToken), view => new OkObjectResult(view));
    }
}

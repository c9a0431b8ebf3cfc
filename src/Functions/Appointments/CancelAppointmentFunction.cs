using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Appointments;

namespace Pilot.Functions.Appointments;

public sealed class CancelAppointmentFunction(AppointmentBooking booking)
{
    [Function("CancelAppointment")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "appointments/{id}/cancel")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
        => ProblemResults.From(await booking.CancelAsync(id, cancellationToken), view => new OkObjectResult(view));
}

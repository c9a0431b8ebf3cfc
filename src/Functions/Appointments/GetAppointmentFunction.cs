using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Appointments;

namespace Pilot.Functions.Appointments;

public sealed class GetAppointmentFunction(AppointmentBooking booking)
{
    [Function("GetAppointment")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "appointments/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
        => ProblemResults.From(await booking.GetAsync(id, cancellationToken), view => new OkObjectResult(view));
}

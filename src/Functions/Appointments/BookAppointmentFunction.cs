using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Appointments;

namespace Pilot.Functions.Appointments;

public sealed class BookAppointmentFunction(AppointmentBooking booking)
{
    [Function("BookAppointment")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "appointments")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync<BookAppointmentRequest>(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var outcome = await booking.BookAsync(body, cancellationToken);
        return ProblemResults.From(outcome, booked => new CreatedResult($"/api/appointments/{booked.Id}", booked));
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.Appointments.Console;

namespace Pilot.Functions.Appointments;

/// <summary>The office console's page for one appointment and its texts: another office's answers 404, as the API does.</summary>
public sealed class AppointmentPageFunction(AppointmentPage page, PageGate gate)
{
    [Function("AppointmentPage")]
    [Admits(Role.Office, Role.Central)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "office/appointments/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (caller, refusal) = await gate.AdmitAsync(request, this);
        if (refusal is not null)
        {
            return refusal;
        }

        var (appointment, model) = await page.BuildAsync(caller!, id, request.Query["done"], cancellationToken);
        return model is null
            ? await gate.NotFoundAsync(request, caller!, appointment.Detail)
            : await gate.RenderAsync(request, StatusCodes.Status200OK, "appointment", model, $"Appointment: {model["kind"]}, {model["when"]}", caller);
    }
}

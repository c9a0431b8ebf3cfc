using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.Appointments.Console;
using Pilot.Shared.Validation;

namespace Pilot.Functions.Appointments;

/// <summary>
/// What the office console's "book an appointment" form posts: booked as <c>POST /api/appointments</c> books,
/// then 303 to the new appointment's page; refused, the form again with the error summary.
/// </summary>
public sealed class BookAppointmentPageFunction(NewAppointmentPage page, PageGate gate)
{
    [Function("BookAppointmentPage")]
    [Admits(Role.Office)]
    public async Task<IActionResult> Book(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "office/appointments/new")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (caller, refusal) = await gate.AdmitAsync(request, this);
        if (refusal is not null)
        {
            return refusal;
        }

        var form = await PageForms.ReadAsync(request, cancellationToken);
        if (form is null || !gate.AntiForgeryHolds(request, form))
        {
            return await ShowAsync(request, caller!, NewAppointmentForm.Empty, [new FieldError("parentId", "The form had expired: enter the appointment again")], cancellationToken);
        }

        var entered = new NewAppointmentForm(
            form["parentId"].FirstOrDefault(),
            form["venueId"].FirstOrDefault(),
            form["kind"].FirstOrDefault(),
            form["adviserName"].FirstOrDefault(),
            new AppointmentTimeForm(form["day"].FirstOrDefault(), form["month"].FirstOrDefault(), form["year"].FirstOrDefault(), form["time"].FirstOrDefault()));
        var booked = await page.BookAsync(caller!, entered, cancellationToken);
        return booked.Kind switch
        {
            OutcomeKind.Ok => PageResults.SeeOther(request, $"{AppointmentListPage.Path}/{Uri.EscapeDataString(booked.Value!.Id)}?done={AppointmentPage.Booked}"),
            OutcomeKind.Invalid => await ShowAsync(request, caller!, entered, booked.Errors, cancellationToken),
            _ => await ShowAsync(request, caller!, entered, [new FieldError("parentId", booked.Detail ?? "The appointment could not be booked: try again")], cancellationToken, StatusCodes.Status409Conflict),
        };
    }

    private async Task<IActionResult> ShowAsync(HttpRequest request, Caller caller, NewAppointmentForm entered, IReadOnlyList<FieldError> errors, CancellationToken ct, int status = StatusCodes.Status400BadRequest)
        => await gate.RenderAsync(request, status, "appointment-new", await page.BuildAsync(caller, entered, errors, ct), NewAppointmentPageFunction.Title, caller, errors);
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.Appointments.Console;
using Pilot.Shared.Validation;

namespace Pilot.Functions.Appointments;

/// <summary>
/// The appointment page's forms: move it to a new time, or cancel it. Only the office that owns it; another office's
/// appointment is not found before anything else is looked at.
/// </summary>
public sealed class AppointmentActionsFunction(AppointmentPage page, PageGate gate)
{
    [Function("AppointmentActions")]
    [Admits(Role.Office)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "office/appointments/{id}/actions")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (caller, refusal) = await gate.AdmitAsync(request, this);
        if (refusal is not null)
        {
            return refusal;
        }

        var (found, _) = await page.BuildAsync(caller!, id, null, cancellationToken);
        if (!found.IsOk)
        {
            return await gate.NotFoundAsync(request, caller!, found.Detail);
        }

        var form = await PageForms.ReadAsync(request, cancellationToken);
        if (form is null || !gate.AntiForgeryHolds(request, form))
        {
            return await ShowAsync(request, caller!, id, StatusCodes.Status400BadRequest, [new FieldError("action", "The form had expired: make the change again")], null, cancellationToken);
        }

        var action = form["action"].FirstOrDefault();
        var when = new AppointmentTimeForm(form["day"].FirstOrDefault(), form["month"].FirstOrDefault(), form["year"].FirstOrDefault(), form["time"].FirstOrDefault());
        var outcome = await page.ActAsync(caller!, id, action, when, cancellationToken);
        return outcome.Kind switch
        {
            OutcomeKind.Ok => PageResults.SeeOther(request, $"{AppointmentListPage.Path}/{Uri.EscapeDataString(id)}?done={Uri.EscapeDataString(action!)}"),
            OutcomeKind.NotFound => await gate.NotFoundAsync(request, caller!, outcome.Detail),
            OutcomeKind.Invalid => await ShowAsync(request, caller!, id, StatusCodes.Status400BadRequest, outcome.Errors, when, cancellationToken),
            _ => await ShowAsync(request, caller!, id, StatusCodes.Status409Conflict, [new FieldError("action", outcome.Detail ?? "This change cannot be made now")], when, cancellationToken),
        };
    }

    private async Task<IActionResult> ShowAsync(HttpRequest request, Caller caller, string id, int status, IReadOnlyList<FieldError> errors, AppointmentTimeForm? entered, CancellationToken ct)
    {
        var (_, model) = await page.BuildAsync(caller, id, null, ct);
        var withErrors = new Dictionary<string, object?>(model!, StringComparer.Ordinal)
        {
            ["day"] = entered?.Day,
            ["month"] = entered?.Month,
            ["year"] = entered?.Year,
            ["time"] = entered?.Time,
        };
        foreach (var error in errors)
        {
            withErrors.TryAdd($"{error.Field}_error", error.Message);
        }

        return await gate.RenderAsync(request, status, "appointment", withErrors, $"Appointment: {model!["kind"]}, {model["when"]}", caller, errors);
    }
}

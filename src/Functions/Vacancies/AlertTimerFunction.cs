using Microsoft.Azure.Functions.Worker;
using Pilot.Shared.Vacancies.Alerts;

namespace Pilot.Functions.Vacancies;

public sealed class AlertTimerFunction(VacancyAlertPlanner planner)
{
    [Function("PlanVacancyAlerts")]
    public Task Run([TimerTrigger("%Vacancies:AlertSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
        => planner.RunAsync(cancellationToken);
}

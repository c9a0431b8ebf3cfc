using Microsoft.Azure.Functions.Worker;
using Pilot.Shared.Reminders.Dispatch;

namespace Pilot.Functions.Reminders;

public sealed class DispatchDueRemindersFunction(DueReminderDispatcher dispatcher)
{
    [Function("DispatchDueReminders")]
    public Task Run([TimerTrigger("%Reminders:DispatchSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
        => dispatcher.DispatchDueAsync(cancellationToken);
}

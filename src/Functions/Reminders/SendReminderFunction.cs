using Microsoft.Azure.Functions.Worker;
using Pilot.Shared.Reminders;

namespace Pilot.Functions.Reminders;

public sealed class SendReminderFunction(ReminderSender sender)
{
    [Function("SendReminder")]
    public Task Run([QueueTrigger("%Reminders:SendQueue%")] TextRef message, CancellationToken cancellationToken)
        => sender.SendAsync(message, cancellationToken);
}

using Microsoft.Azure.Functions.Worker;
using Pilot.Shared.Reminders;
using Pilot.Shared.Sms.Outbound;

namespace Pilot.Functions.Reminders;

public sealed class SendReminderFunction(TextSender sender)
{
    [Function("SendReminder")]
    public Task Run([QueueTrigger("%Reminders:SendQueue%")] TextRef message, CancellationToken cancellationToken)
        => sender.SendAsync(message, cancellationToken);
}

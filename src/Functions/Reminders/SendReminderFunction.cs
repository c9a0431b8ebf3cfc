using Microsoft.Azure.Functions.Worker;
using Pilot.Shared.Reminders;
using Pilot.Shared.Sms.Outbound;

namespace Pilot.Functions.Reminders;

/// <summary>The bulk lane: a message names one text or, from the dispatch tick, up to 16 of one due minute (<see cref="SendMessage"/>).</summary>
public sealed class SendReminderFunction(TextSender sender)
{
    [Function("SendReminder")]
    public Task Run([QueueTrigger("%Reminders:SendQueue%")] SendMessage message, CancellationToken cancellationToken)
        => sender.SendEachAsync(message, cancellationToken);
}

using Microsoft.Azure.Functions.Worker;
using Pilot.Shared.Sms.Outbound;

namespace Pilot.Functions.Reminders;

/// <summary>The interactive lane: the same sender as <see cref="SendReminderFunction"/>, on its own queue, so a booking's confirmation never waits behind the minute's reminders.</summary>
public sealed class SendInteractiveTextFunction(TextSender sender)
{
    [Function("SendInteractiveText")]
    public Task Run([QueueTrigger("%Reminders:InteractiveSendQueue%")] TextRef message, CancellationToken cancellationToken)
        => sender.SendAsync(message, cancellationToken);
}

using Microsoft.Azure.Functions.Worker;
using Pilot.Shared.Retention;

namespace Pilot.Functions.Retention;

public sealed class PurgeExpiredMessagesFunction(MessageRetention retention)
{
    [Function("PurgeExpiredMessages")]
    public Task Run([TimerTrigger("%Retention:Schedule%")] TimerInfo timer, CancellationToken cancellationToken)
        => retention.PurgeAsync(cancellationToken);
}

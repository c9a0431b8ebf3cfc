using Microsoft.Azure.Functions.Worker;
using Pilot.Shared.WfiInvitations.Choosing;

namespace Pilot.Functions.WfiInvitations;

public sealed class WfiDefaultsFunction(WfiDefaults defaults)
{
    [Function("WfiDefaults")]
    public Task Run([TimerTrigger("%Wfi:DefaultSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
        => defaults.RunAsync(cancellationToken);
}

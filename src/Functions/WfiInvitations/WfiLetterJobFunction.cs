using Microsoft.Azure.Functions.Worker;
using Pilot.Shared.WfiInvitations.Letters;

namespace Pilot.Functions.WfiInvitations;

public sealed class WfiLetterJobFunction(WfiLetterJobs jobs)
{
    [Function("WfiLetterJob")]
    public Task Run([QueueTrigger("%Wfi:LetterQueue%")] WfiLetterJob message, CancellationToken cancellationToken)
        => jobs.ProcessAsync(message, cancellationToken);
}

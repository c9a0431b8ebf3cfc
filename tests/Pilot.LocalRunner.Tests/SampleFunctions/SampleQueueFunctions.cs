using Microsoft.Azure.Functions.Worker;

namespace Pilot.LocalRunner.Tests.SampleFunctions;

public sealed class SampleQueueFunctions(QueueProbe probe)
{
    [Function("SampleOrderQueue")]
    public Task ReceiveAsync([QueueTrigger("%SampleOrderQueueName%")] SampleOrder order, CancellationToken cancellationToken)
    {
        probe.Received(order);
        return Task.CompletedTask;
    }

    [Function("SampleFailingQueue")]
    public void Fail([QueueTrigger("%SampleFailingQueueName%")] string body)
    {
        probe.Attempted(body);
        throw new InvalidOperationException($"cannot handle '{body}'");
    }
}

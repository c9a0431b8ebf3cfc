using Pilot.LocalRunner.Queues;

namespace Pilot.LocalRunner.Tests.Queues;

public sealed class PollingBackoffTests
{
    [Fact]
    public void Idle_queue_is_polled_less_often_up_to_maxPollingInterval_and_quickly_again_once_messages_flow()
    {
        var backoff = new PollingBackoff(TimeSpan.FromMilliseconds(500));

        var idle = Enumerable.Range(0, 5).Select(_ => backoff.WhenIdle().TotalMilliseconds).ToList();
        var afterPartialBatch = backoff.AfterMessages(fullBatch: false);
        var idleAgain = backoff.WhenIdle();
        var afterFullBatch = backoff.AfterMessages(fullBatch: true);

        Assert.Equal([100, 200, 400, 500, 500], idle);
        Assert.Equal(TimeSpan.FromMilliseconds(100), afterPartialBatch);
        Assert.Equal(TimeSpan.FromMilliseconds(100), idleAgain);
        Assert.Equal(TimeSpan.Zero, afterFullBatch);
    }
}

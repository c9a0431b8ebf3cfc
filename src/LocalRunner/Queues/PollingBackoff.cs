namespace Pilot.LocalRunner.Queues;

/// <summary>
/// How long a queue poller waits before the next receive: quickly again while messages flow,
/// doubling while the queue is idle up to host.json <c>maxPollingInterval</c>.
/// </summary>
internal sealed class PollingBackoff(TimeSpan maxPollingInterval)
{
    private TimeSpan _idleWait = QueueHostOptions.MinPollingInterval;

    /// <param name="fullBatch">A full batch means more messages are likely waiting, so ask again at once.</param>
    public TimeSpan AfterMessages(bool fullBatch)
    {
        _idleWait = QueueHostOptions.MinPollingInterval;
        return fullBatch ? TimeSpan.Zero : QueueHostOptions.MinPollingInterval;
    }

    public TimeSpan WhenIdle()
    {
        var wait = _idleWait;
        var doubled = _idleWait * 2;
        _idleWait = doubled < maxPollingInterval ? doubled : maxPollingInterval;
        return wait < maxPollingInterval ? wait : maxPollingInterval;
    }
}

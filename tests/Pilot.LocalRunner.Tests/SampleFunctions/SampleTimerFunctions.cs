using Microsoft.Azure.Functions.Worker;

namespace Pilot.LocalRunner.Tests.SampleFunctions;

/// <summary>Timer functions that exist only in the test assembly; the runner finds them from their attributes.</summary>
public sealed class SampleTimerFunctions(TimerProbe probe, TimeProvider time)
{
    [Function("SampleTimer")]
    public void Run([TimerTrigger("%SampleTimerSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        probe.Record(time.GetUtcNow(), timer);

    [Function("SampleFailingFirstTimer")]
    public void FailFirst([TimerTrigger("%SampleTimerSchedule%")] TimerInfo timer)
    {
        if (probe.Record(time.GetUtcNow(), timer) == 1)
        {
            throw new InvalidOperationException("first run fails on purpose");
        }
    }

    [Function("SampleSlowTimer")]
    public async Task RunSlowlyAsync([TimerTrigger("%SampleTimerSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        probe.Record(time.GetUtcNow(), timer);
        await probe.Gate.Task.WaitAsync(cancellationToken);
    }

    [Function("SampleStartupTimer")]
    public void RunOnStartup([TimerTrigger("0 0 0 1 1 *", RunOnStartup = true)] TimerInfo timer) =>
        probe.Record(time.GetUtcNow(), timer);
}
